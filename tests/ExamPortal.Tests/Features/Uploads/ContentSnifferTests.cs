using System.Text;
using ExamPortal.Web.Features.Uploads;

namespace ExamPortal.Tests.Features.Uploads;

public sealed class ContentSnifferTests
{
    [Fact]
    public void AJpegIsKnownByItsContent() =>
        Assert.Equal(UploadKind.Jpeg, ContentSniffer.Detect(UploadSamples.Jpeg(16, 16)));

    [Fact]
    public void APngIsKnownByItsContent() =>
        Assert.Equal(UploadKind.Png, ContentSniffer.Detect(UploadSamples.Png(16, 16)));

    [Fact]
    public void APdfIsKnownByItsContent() =>
        Assert.Equal(UploadKind.Pdf, ContentSniffer.Detect(UploadSamples.PdfOfSize(5000)));

    [Theory]
    [InlineData("MZ\u0090\0\u0003\0\0\0")] // Windows executable renamed .pdf or .jpg
    [InlineData("\u007FELF\u0002\u0001\u0001\0")] // Linux executable
    [InlineData("#!/bin/sh\nrm -rf /")] // script
    [InlineData("PK\u0003\u0004\u0014\0\0\0")] // zip, docx, apk
    [InlineData("<!DOCTYPE html><html><script>")] // HTML
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">")] // SVG with script
    [InlineData("<?xml version=\"1.0\"?>")] // XML
    [InlineData("GIF89a")] // an image format the rules do not allow
    [InlineData(" %PDF-1.7")] // the signature must be at the very start
    [InlineData("")]
    public void EverythingElseIsOther(string head) =>
        Assert.Equal(UploadKind.Other, ContentSniffer.Detect(Encoding.Latin1.GetBytes(head)));

    [Fact]
    public void ThreeBytesOfJpegAreEnoughButTwoAreNot()
    {
        Assert.Equal(UploadKind.Jpeg, ContentSniffer.Detect([0xFF, 0xD8, 0xFF]));
        Assert.Equal(UploadKind.Other, ContentSniffer.Detect([0xFF, 0xD8]));
    }
}
