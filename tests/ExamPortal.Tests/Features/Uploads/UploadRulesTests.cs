using ExamPortal.Web.Features.Uploads;

namespace ExamPortal.Tests.Features.Uploads;

public sealed class UploadRulesTests
{
    [Fact]
    public void ThePhotoMustBeUnderFiftyKilobytes()
    {
        Assert.Equal(51_199, UploadRules.PhotoMaxBytes);
        Assert.Equal("小于50KB", UploadRules.PhotoLimit);
    }

    [Fact]
    public void ScansAreTwoHundredToThreeHundredKilobytesInclusive()
    {
        Assert.Equal(204_800, UploadRules.ScanMinBytes);
        Assert.Equal(307_200, UploadRules.ScanMaxBytes);
        Assert.Equal("200KB至300KB之间（含）", UploadRules.ScanRange);
    }

    [Fact]
    public void ThePhotoIsOneInchAtThreeHundredDpi()
    {
        Assert.Equal(295, UploadRules.PhotoWidth);
        Assert.Equal(413, UploadRules.PhotoHeight);
    }

    [Theory]
    [InlineData(0, "0B")]
    [InlineData(512, "512B")]
    [InlineData(1024, "1.0KB")]
    [InlineData(62_669, "61.2KB")]
    [InlineData(203_776, "199.0KB")]
    [InlineData(3_565_158, "3.4MB")]
    [InlineData(10_485_760, "10.0MB")]
    public void SizesAreShownInKilobytesOfTenTwentyFourBytes(long bytes, string expected) =>
        Assert.Equal(expected, UploadRules.FormatSize(bytes));

    [Theory]
    [InlineData(307_201, "300.0KB（307,201字节）")]
    [InlineData(204_799, "200.0KB（204,799字节）")]
    [InlineData(307_200, "300.0KB（307,200字节）")]
    [InlineData(250_000, "244.1KB")]
    [InlineData(308_224, "301.0KB")]
    public void ASizeThatRoundsOntoALimitItBreaksShowsItsBytes(long bytes, string expected) =>
        Assert.Equal(expected, UploadRules.FormatSizeNear(bytes, UploadRules.ScanMinBytes, UploadRules.ScanMaxBytes));
}
