using System.Text;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Features.Attachments;
using ExamPortal.Web.Features.Uploads;
using static ExamPortal.Tests.Features.Attachments.ZipSamples;

namespace ExamPortal.Tests.Features.Attachments;

public sealed class AttachmentZipReaderTests
{
    private const int Megabyte = 1024 * 1024;

    public static TheoryData<string, string, DocumentSlot> WellNamed => new()
    {
        { "510104199001011234_照片.jpg", PersonA, DocumentSlot.Photo },
        { "510104199001011234_考生本人照片.jpeg", PersonA, DocumentSlot.Photo },
        { "510104199001011234_个人申报表.pdf", PersonA, DocumentSlot.ApplicationForm },
        { "510104199001011234_个人诚信承诺书.png", PersonA, DocumentSlot.IntegrityCommitment },
        { "510104199001011234_学历证明.JPG", PersonA, DocumentSlot.EducationProof },
        { "510104199001011234_学历或学籍证明.Pdf", PersonA, DocumentSlot.EducationProof },
        { "510104199001011234_身份证正面.jpg", PersonA, DocumentSlot.IdCardFront },
        { "510104199001011234_身份证反面.jpg", PersonA, DocumentSlot.IdCardBack },
        { "51010419851231002x_照片.jpg", PersonB, DocumentSlot.Photo },
        { "５１０１０４１９９００１０１１２３４_身份证 反面.jpg", PersonA, DocumentSlot.IdCardBack },
        { "某某培训学校/第一批/510104199001011234_照片.jpg", PersonA, DocumentSlot.Photo },
    };

    public static TheoryData<string, string> BadlyNamed => new()
    {
        { "510104199001011234照片.jpg", "文件名应为“证件号码_材料名.jpg”，如 510104199001011234_照片.jpg" },
        { "510104199001011234_照片_2.jpg", "文件名应为“证件号码_材料名.jpg”，如 510104199001011234_照片.jpg" },
        { "510104199001011234_照片", "文件名应为“证件号码_材料名.jpg”，如 510104199001011234_照片.jpg" },
        { "510104199001011234_照片.gif", "只能上传jpg、jpeg、png或pdf文件；文件名应为" },
        { "510104199001011234_个人申报表.docx", "只能上传jpg、jpeg、png或pdf文件；" },
        { "张三_照片.jpg", "“_”前应为考生的证件号码（只含数字和字母），不能是姓名或其他文字" },
        { "510104199001011234_身份证.jpg", "材料名“身份证”无法识别，应为以下之一：照片、个人申报表、个人诚信承诺书、学历证明、身份证正面、身份证反面" },
    };

    public static TheoryData<string, string> ZipSlip => new()
    {
        { "../evil.jpg", "的路径中含有“..”（上级文件夹）" },
        { "材料/../../510104199001011234_照片.jpg", "的路径中含有“..”（上级文件夹）" },
        { "/etc/510104199001011234_照片.jpg", "是以“/”开头的绝对路径" },
        { "\\Windows\\510104199001011234_照片.jpg", "使用了反斜杠“\\”作为路径分隔符" },
        { "C:/Users/510104199001011234_照片.jpg", "带有盘符" },
        { "材料\\510104199001011234_照片.jpg", "使用了反斜杠“\\”作为路径分隔符" },
    };

    [Theory]
    [MemberData(nameof(WellNamed))]
    public void EachFileIsNamedByIdNumberAndMaterialWithTheIdNormalised(string name, string idNumber, DocumentSlot slot)
    {
        var zip = Read(Zip((name, Bytes("content"))));

        var file = Assert.Single(zip.Files);
        Assert.Equal((name, idNumber, slot), (file.EntryName, file.IdNumber, file.Slot));
        Assert.Equal(Bytes("content"), file.Content);
        Assert.Empty(zip.Unrecognised);
        Assert.False(zip.IsRefused);
    }

    [Theory]
    [MemberData(nameof(BadlyNamed))]
    public void AFileNotNamedByTheRuleIsReportedWithTheRuleAndTheOthersAreStillRead(string name, string message)
    {
        var zip = Read(Zip((name, Bytes("x")), ("510104199001011234_照片.jpg", Bytes("photo"))));

        var unrecognised = Assert.Single(zip.Unrecognised);
        Assert.Equal(name, unrecognised.EntryName);
        Assert.StartsWith(message, unrecognised.Message, StringComparison.Ordinal);
        Assert.Equal(DocumentSlot.Photo, Assert.Single(zip.Files).Slot);
    }

    [Fact]
    public void TwoFilesForTheSameSlotOfAPersonAreBothSetAsideForThatPerson()
    {
        var zip = Read(Zip(
            ("510104199001011234_照片.jpg", Bytes("one")),
            ("510104199001011234_身份证正面.jpg", Bytes("front")),
            ("510104199001011234_考生本人照片.png", Bytes("two"))));

        Assert.False(zip.IsRefused);
        Assert.Equal(DocumentSlot.IdCardFront, Assert.Single(zip.Files).Slot);
        Assert.Equal(["510104199001011234_照片.jpg", "510104199001011234_考生本人照片.png"], zip.Unrecognised.Select(u => u.EntryName));
        Assert.All(zip.Unrecognised, u => Assert.Equal(
            "同一考生的“考生本人照片”有2个文件（510104199001011234_照片.jpg、510104199001011234_考生本人照片.png），无法确定使用哪一个；请只保留一个后重新打包上传",
            u.Message));
    }

    [Theory]
    [MemberData(nameof(ZipSlip))]
    public void AnEntryThatWouldLeaveTheFolderRefusesTheWholeZipNamingIt(string name, string reason)
    {
        var zip = Read(Zip(("510104199001011234_身份证正面.jpg", Bytes("front")), (name, Bytes("evil"))));

        AssertRefused(zip, $"压缩包内的“{name}”{reason}，可能是恶意构造的压缩包，整个压缩包未被处理；请直接选中照片和扫描件文件重新打包后上传");
    }

    [Fact]
    public void APlainFolderPrefixAndTheFoldersThemselvesAreAllowed()
    {
        var zip = Read(Zip(("材料/", []), ("材料/510104199001011234_照片.jpg", Bytes("photo"))));

        Assert.False(zip.IsRefused);
        Assert.Equal("材料/510104199001011234_照片.jpg", Assert.Single(zip.Files).EntryName);
        Assert.Empty(zip.Unrecognised);
    }

    [Theory]
    [InlineData("510104199001011234_照片.jpg", "510104199001011234_照片.JPG")]
    [InlineData("一班/510104199001011234_照片.jpg", "二班/510104199001011234_照片.jpg")]
    public void TheSameFileNameTwiceRefusesTheWholeZipNamingBoth(string first, string second)
    {
        var zip = Read(Zip((first, Bytes("one")), (second, Bytes("two"))));

        AssertRefused(zip, $"压缩包内有两个同名文件“{first}”和“{second}”（文件名不区分大小写，文件夹不算在内）；请删除或改名其中一个后重新打包上传");
    }

    [Fact]
    public void AZipBombIsRefusedFromItsDeclaredSizeWithoutBeingExtracted()
    {
        // A gigabyte of zeros deflates to about a megabyte: enough that reading it would show.
        var bomb = ZipOfZeros("510104199001011234_照片.jpg", 1024L * Megabyte);
        using var stream = new CountingStream(bomb);

        var zip = AttachmentZipReader.Read(stream);

        Assert.True(bomb.Length < 2 * Megabyte, $"the test zip is small: {bomb.Length} bytes");
        AssertRefused(zip, "压缩包内的“510104199001011234_照片.jpg”解压后为1024.0MB，超过单个文件10.0MB的上限；请缩小该文件后重新打包上传");

        // Only the end of the zip, where the directory is, was read; not the compressed zeros before it.
        Assert.True(stream.BytesRead < bomb.Length / 4, $"read {stream.BytesRead} of {bomb.Length} bytes");
    }

    [Fact]
    public void ALargeEntryCompressedMoreThanAHundredToOneIsRefused()
    {
        var zip = Read(ZipOfZeros("510104199001011234_身份证正面.jpg", 2L * Megabyte));

        AssertRefused(zip, "压缩包内的“510104199001011234_身份证正面.jpg”压缩比异常（超过100:1），可能是恶意构造的压缩包，整个压缩包未被处理；请直接选中照片和扫描件文件重新打包后上传");
    }

    [Fact]
    public void EntriesThatTogetherUnpackToMoreThan300MegabytesAreRefused()
    {
        // 310 entries of exactly 1 MB: each within every per-entry limit, together over the total.
        var entries = Enumerable.Range(0, 310).Select(i => ($"5101041990{i:D8}_照片.jpg", (long)Megabyte));

        var zip = Read(ZipOfZeros(entries));

        AssertRefused(zip, "压缩包解压后共310.0MB，超过300.0MB的上限；请分成几个压缩包分别上传");
    }

    [Fact]
    public void AnEntryLargerThanItDeclaresIsReadOnlyToItsDeclaredSizeAndRefused()
    {
        const string name = "510104199001011234_照片.jpg";
        var lying = WithDeclaredSize(ZipOfZeros(name, 3L * Megabyte), name, 1000);

        AssertRefused(Read(lying), Damaged(name));
    }

    [Fact]
    public void MoreThan3000EntriesAreRefusedBeforeTheDirectoryIsLoaded()
    {
        var files = Enumerable.Range(0, 3001).Select(i => ($"{i}.txt", Array.Empty<byte>())).ToArray();

        AssertRefused(Read(Zip(files)), "压缩包内有3001个文件，超过3000个的上限；请分成几个压缩包分别上传");
    }

    [Fact]
    public void ThreeThousandEntriesAreAllowed()
    {
        var files = Enumerable.Range(0, 3000).Select(i => ($"{i}.txt", Array.Empty<byte>())).ToArray();

        var zip = Read(Zip(files));

        Assert.False(zip.IsRefused);
        Assert.Equal(3000, zip.Unrecognised.Count);
    }

    [Theory]
    [InlineData("not a zip at all", "文件")]
    [InlineData("Rar!\u001a\u0007\u0000", "RAR压缩包")]
    [InlineData("7z\u00bc\u00af\u0027\u001c\u0000\u0004", "7z压缩包")]
    [InlineData("", "文件")]
    public void AFileThatIsNotAZipIsRefused(string content, string format)
    {
        var zip = Read(Encoding.Latin1.GetBytes(content));

        AssertRefused(zip, $"系统只接受zip格式的压缩包，上传的{format}不是zip格式（仅修改扩展名无效）；请用压缩软件选择zip格式，把照片和扫描件打包后重新上传");
    }

    [Fact]
    public void AJpegRenamedZipIsRefused() =>
        Assert.True(Read(ZipSamples.SmallPhoto).IsRefused);

    [Fact]
    public void AZipCutShortInTheUploadIsRefused()
    {
        var whole = Zip(("510104199001011234_照片.jpg", ZipSamples.SmallPhoto));

        AssertRefused(Read(whole[..(whole.Length / 2)]), "压缩包不完整或已损坏（可能上传时中断），无法读取其中的文件列表；请重新打包后上传");
    }

    [Fact]
    public void AZipWithADamagedDirectoryIsRefused()
    {
        var zip = Zip(("510104199001011234_照片.jpg", ZipSamples.SmallPhoto), ("510104199001011234_身份证正面.jpg", Bytes("front")));
        var end = zip.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        var damaged = zip.ToArray();
        damaged.AsSpan(end - 60, 40).Fill(0xAB);

        Assert.True(Read(damaged).IsRefused);
    }

    [Fact]
    public void AnEntryWithDamagedDataIsRefused()
    {
        // The PDF's padding is noise, which deflate stores as it is: damage there keeps the length.
        const string name = "510104199001011234_个人申报表.pdf";
        var damaged = Zip((name, ZipSamples.InWindowPdf));
        damaged.AsSpan(damaged.Length / 2, 2000).Fill(0xAB);

        AssertRefused(Read(damaged), Damaged(name));
    }

    [Fact]
    public void AnEntryInACompressionMethodThatCannotBeReadIsRefused()
    {
        const string name = "510104199001011234_照片.jpg";
        var zip = WithCompressionMethod(Zip((name, Bytes("photo"))), name, method: 14);

        AssertRefused(Read(zip), "压缩包已损坏、不完整或使用了不支持的压缩方式，无法解压；请使用zip格式（标准压缩）重新打包后上传");
    }

    [Fact]
    public void ADamagedZipIsReadOrRefusedButNeverThrows()
    {
        var zip = Zip(("资料/510104199001011234_照片.jpg", Bytes(new string('x', 3000))), ("510104199001011234_身份证正面.jpg", Bytes("front")));
        var random = new Random(5);

        for (var i = 0; i < 3000; i++)
        {
            // Half the damage lands in the directory and end record at the back, where parsing is hardest.
            var damaged = zip.ToArray();
            var at = i % 2 == 0 ? random.Next(damaged.Length) : damaged.Length - 1 - random.Next(200);
            damaged[at] = (byte)random.Next(256);

            var read = Read(damaged);

            Assert.True(read.IsRefused || read.Files.Count + read.Unrecognised.Count > 0);
        }
    }

    [Fact]
    public void AnEncryptedEntryIsRefused()
    {
        const string name = "510104199001011234_照片.jpg";
        var zip = WithFlags(Zip((name, Bytes("photo"))), name, set: 0x0001, clear: 0);

        AssertRefused(Read(zip), $"压缩包内的“{name}”设置了密码，无法读取；请不设密码重新打包后上传");
    }

    [Fact]
    public void AnEmptyZipIsRefused() =>
        AssertRefused(Read(Zip()), "压缩包中没有文件；请把照片和扫描件放入压缩包后重新上传");

    [Fact]
    public void NamesWrittenInGbkByChineseWindowsToolsAreRead()
    {
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding(936)!;

        var zip = Read(Zip(gbk, ("510104199001011234_身份证反面.jpg", Bytes("back")), ("资料/510104199001011234_个人诚信承诺书.pdf", Bytes("commitment"))));

        Assert.Equal([DocumentSlot.IdCardBack, DocumentSlot.IntegrityCommitment], zip.Files.Select(f => f.Slot));
        Assert.Equal("资料/510104199001011234_个人诚信承诺书.pdf", zip.Files[1].EntryName);
    }

    [Fact]
    public void NamesWrittenInUtf8WithoutTheUtf8FlagAsOnMacAreRead()
    {
        const string name = "510104199001011234_学历证明.jpg";
        var zip = WithFlags(Zip((name, Bytes("proof"))), name, set: 0, clear: 0x0800);

        Assert.Equal(DocumentSlot.EducationProof, Assert.Single(Read(zip).Files).Slot);
    }

    [Fact]
    public void FilesTheOperatingSystemAddsAreIgnored()
    {
        var zip = Read(Zip(
            ("__MACOSX/材料/._510104199001011234_照片.jpg", Bytes("fork")),
            ("材料/.DS_Store", Bytes("finder")),
            ("材料/Thumbs.db", Bytes("explorer")),
            ("材料/desktop.ini", Bytes("explorer")),
            ("材料/510104199001011234_照片.jpg", Bytes("photo"))));

        Assert.Equal(DocumentSlot.Photo, Assert.Single(zip.Files).Slot);
        Assert.Empty(zip.Unrecognised);
    }

    [Fact]
    public void AStreamThatCannotSeekIsRead()
    {
        using var stream = new ForwardOnlyStream(Zip(("510104199001011234_照片.jpg", Bytes("photo"))));

        Assert.Equal(PersonA, Assert.Single(AttachmentZipReader.Read(stream).Files).IdNumber);
    }

    [Fact]
    public void TheLimitsAreTheAnnouncedOnes()
    {
        Assert.Equal(3000, AttachmentZipReader.MaxEntries);
        Assert.Equal(300L * Megabyte, AttachmentZipReader.MaxTotalBytes);
        Assert.Equal(10 * Megabyte, UploadRules.MaxUploadBytes);
    }

    private static string Damaged(string name) =>
        $"压缩包内的“{name}”解压后的内容与压缩包记录的大小或校验值不符（文件已损坏，或压缩包被恶意构造），整个压缩包未被处理；请直接选中照片和扫描件文件重新打包后上传";

    private static AttachmentZip Read(byte[] zip)
    {
        using var stream = new MemoryStream(zip, writable: false);
        return AttachmentZipReader.Read(stream);
    }

    private static void AssertRefused(AttachmentZip zip, string problem)
    {
        Assert.True(zip.IsRefused);
        Assert.Contains(problem, zip.ZipProblems);
        Assert.Empty(zip.Files);
        Assert.Empty(zip.Unrecognised);
    }
}
