using System.IO.Compression;
using ExamPortal.Domain.Registrations;
using ExamPortal.Web.Features.Uploads;

namespace ExamPortal.Web.Features.Attachments;

/// <summary>
/// Reads the zip of photos and scans an institution uploads after importing its applicants. The zip
/// comes from outside, so everything it declares is checked before anything is extracted, and the
/// extraction itself never reads more than it was allowed: a zip with one unsafe entry is refused
/// whole, because a crafted entry says the rest of the archive cannot be trusted either.
/// </summary>
public static class AttachmentZipReader
{
    public const int MaxEntries = 3000;

    // Both the zip and what it unpacks to: room for 3,000 files of ordinary size.
    public const long MaxTotalBytes = 300L * UploadRules.Kilobyte * UploadRules.Kilobyte;

    // Photos and scans are already compressed and shrink little more; 100:1 on a large entry is a bomb.
    public const int MaxCompressionRatio = 100;

    public const long RatioCheckedAbove = UploadRules.Kilobyte * UploadRules.Kilobyte;

    // A crafted zip can break every rule in every entry; the first problems say enough.
    private const int MaxListedProblems = 20;

    private const string Repack = "请直接选中照片和扫描件文件重新打包后上传";

    private static ReadOnlySpan<byte> LocalHeaderSignature => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> EmptyZipSignature => [0x50, 0x4B, 0x05, 0x06];

    private static ReadOnlySpan<byte> RarSignature => "Rar!"u8;

    private static ReadOnlySpan<byte> SevenZipSignature => [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C];

    /// <summary>
    /// Reads the whole stream as a zip. Never throws for a bad zip: what is wrong is in
    /// <see cref="AttachmentZip.ZipProblems"/>, in Simplified Chinese, saying what to change.
    /// </summary>
    public static AttachmentZip Read(Stream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);

        // ZipArchive needs to seek; a stream that cannot is copied, but never beyond the limit.
        using var copy = zip.CanSeek ? null : CopyBounded(zip);
        var source = zip.CanSeek ? zip : copy;
        if (source is null || source.Length > MaxTotalBytes)
        {
            return Refused($"压缩包超过{UploadRules.FormatSize(MaxTotalBytes)}的上限；请分成几个压缩包分别上传");
        }

        if (ArchiveRefusal(source) is { } refusal)
        {
            return Refused(refusal);
        }

        try
        {
            using var archive = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true, ZipNameEncoding.Instance);
            return Read(archive);
        }
        catch (InvalidDataException)
        {
            // Thrown for a damaged directory, a damaged entry, or a compression method .NET cannot read.
            return Refused("压缩包已损坏、不完整或使用了不支持的压缩方式，无法解压；请使用zip格式（标准压缩）重新打包后上传");
        }
    }

    private static AttachmentZip Read(ZipArchive archive)
    {
        var entries = archive.Entries;
        if (entries.Count > MaxEntries)
        {
            return Refused(TooManyEntries(entries.Count));
        }

        var problems = new List<string>();
        var files = new List<ZipArchiveEntry>();
        var fileNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        long declaredTotal = 0;
        foreach (var entry in entries)
        {
            var name = entry.FullName;
            if (UnsafePath(name) is { } reason)
            {
                problems.Add($"压缩包内的“{name}”{reason}，可能是恶意构造的压缩包，整个压缩包未被处理；{Repack}");
                continue;
            }

            declaredTotal = entry.Length > long.MaxValue - declaredTotal ? long.MaxValue : declaredTotal + entry.Length;
            if (entry.Length > UploadRules.MaxUploadBytes)
            {
                problems.Add($"压缩包内的“{name}”解压后为{UploadRules.FormatSize(entry.Length)}，超过单个文件{UploadRules.FormatSize(UploadRules.MaxUploadBytes)}的上限；请缩小该文件后重新打包上传");
            }
            else if (entry.Length > RatioCheckedAbove && entry.Length > (double)entry.CompressedLength * MaxCompressionRatio)
            {
                problems.Add($"压缩包内的“{name}”压缩比异常（超过{MaxCompressionRatio}:1），可能是恶意构造的压缩包，整个压缩包未被处理；{Repack}");
            }

            if (entry.IsEncrypted)
            {
                problems.Add($"压缩包内的“{name}”设置了密码，无法读取；请不设密码重新打包后上传");
            }

            if (name.EndsWith('/') || IsSystemClutter(name))
            {
                continue;
            }

            var fileName = AttachmentName.FileName(name);
            if (!fileNames.TryAdd(fileName, name))
            {
                problems.Add($"压缩包内有两个同名文件“{fileNames[fileName]}”和“{name}”（文件名不区分大小写，文件夹不算在内）；请删除或改名其中一个后重新打包上传");
                continue;
            }

            files.Add(entry);
        }

        if (declaredTotal > MaxTotalBytes)
        {
            problems.Add($"压缩包解压后共{UploadRules.FormatSize(declaredTotal)}，超过{UploadRules.FormatSize(MaxTotalBytes)}的上限；请分成几个压缩包分别上传");
        }

        if (problems.Count == 0 && files.Count == 0)
        {
            problems.Add("压缩包中没有文件；请把照片和扫描件放入压缩包后重新上传");
        }

        return problems.Count > 0 ? Refused([.. problems]) : Extract(files);
    }

    private static AttachmentZip Extract(List<ZipArchiveEntry> files)
    {
        var names = files.Select(entry =>
        {
            var parsed = AttachmentName.TryParse(AttachmentName.FileName(entry.FullName), out var idNumber, out var slot, out var problem);
            return (Entry: entry, IdNumber: parsed ? idNumber : null, Slot: slot, Problem: problem);
        }).ToList();

        // One slot holds one file: with two (say .jpg and .png) the portal cannot tell which is meant.
        var sameSlot = names.Where(n => n.IdNumber is not null).GroupBy(n => (n.IdNumber, n.Slot)).Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(n => (n.Entry, Message: SameSlotTwice(g.Key.Slot, [.. g.Select(x => x.Entry.FullName)]))))
            .ToDictionary(n => n.Entry, n => n.Message);

        var extracted = new List<ZipFileEntry>();
        var unrecognised = new List<UnrecognisedEntry>();
        long total = 0;
        foreach (var (entry, idNumber, slot, problem) in names)
        {
            if (idNumber is null)
            {
                unrecognised.Add(new UnrecognisedEntry(entry.FullName, problem!));
                continue;
            }

            if (sameSlot.TryGetValue(entry, out var message))
            {
                unrecognised.Add(new UnrecognisedEntry(entry.FullName, message));
                continue;
            }

            var content = ReadBounded(entry, MaxTotalBytes - total);
            if (content is null)
            {
                return Refused($"压缩包内的“{entry.FullName}”解压后的内容与压缩包记录的大小或校验值不符（文件已损坏，或压缩包被恶意构造），整个压缩包未被处理；{Repack}");
            }

            total += content.Length;
            extracted.Add(new ZipFileEntry(entry.FullName, idNumber, slot, content));
        }

        return new AttachmentZip([], extracted, unrecognised);
    }

    // The declared size passed the checks above, but it is only what the zip says: the copy stops at
    // the smallest of the declared size, the per-file limit and what is left of the total. One byte
    // more, fewer than declared, or a different CRC means the entry is damaged or lies about its size.
    private static byte[]? ReadBounded(ZipArchiveEntry entry, long totalLeft)
    {
        var limit = Math.Min(Math.Min(entry.Length, UploadRules.MaxUploadBytes), totalLeft);
        if (limit < entry.Length)
        {
            return null;
        }

        var content = new byte[limit];
        using var stream = entry.Open();
        var read = stream.ReadAtLeast(content, content.Length, throwOnEndOfStream: false);
        return read == content.Length && stream.ReadByte() < 0 && ZipCrc32.Compute(content) == entry.Crc32 ? content : null;
    }

    // Zip-slip: a name that would leave the folder it is unpacked into, were anyone to unpack it.
    private static string? UnsafePath(string name)
    {
        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return "使用了反斜杠“\\”作为路径分隔符";
        }

        if (name.StartsWith('/'))
        {
            return "是以“/”开头的绝对路径";
        }

        if (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':')
        {
            return "带有盘符";
        }

        return name.Split('/').Contains("..", StringComparer.Ordinal) ? "的路径中含有“..”（上级文件夹）" : null;
    }

    // What macOS and Windows add to a zip by themselves: resource forks under __MACOSX and "._" files,
    // Finder's .DS_Store, Explorer's Thumbs.db and desktop.ini. Nobody named them, so nobody is told.
    private static bool IsSystemClutter(string name)
    {
        var fileName = AttachmentName.FileName(name);
        return name.StartsWith("__MACOSX/", StringComparison.OrdinalIgnoreCase)
            || fileName.StartsWith("._", StringComparison.Ordinal)
            || fileName.Equals(".DS_Store", StringComparison.OrdinalIgnoreCase)
            || fileName.Equals("Thumbs.db", StringComparison.OrdinalIgnoreCase)
            || fileName.Equals("desktop.ini", StringComparison.OrdinalIgnoreCase);
    }

    // Checks made on the raw bytes before ZipArchive reads anything: the signature and the entry count.
    private static string? ArchiveRefusal(Stream zip)
    {
        Span<byte> head = stackalloc byte[8];
        zip.Position = 0;
        var read = zip.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (!head.StartsWith(LocalHeaderSignature) && !head.StartsWith(EmptyZipSignature))
        {
            var format = head.StartsWith(RarSignature) ? "RAR压缩包" : head.StartsWith(SevenZipSignature) ? "7z压缩包" : "文件";
            return $"系统只接受zip格式的压缩包，上传的{format}不是zip格式（仅修改扩展名无效）；请用压缩软件选择zip格式，把照片和扫描件打包后重新上传";
        }

        var count = ZipDirectory.DeclaredEntryCount(zip);
        zip.Position = 0;
        return count switch
        {
            null => "压缩包不完整或已损坏（可能上传时中断），无法读取其中的文件列表；请重新打包后上传",
            > MaxEntries => TooManyEntries(count.Value),
            _ => null,
        };
    }

    private static string TooManyEntries(long count) =>
        $"压缩包内有{count}个文件，超过{MaxEntries}个的上限；请分成几个压缩包分别上传";

    private static string SameSlotTwice(DocumentSlot slot, IReadOnlyList<string> names) =>
        $"同一考生的“{DocumentSlots.DisplayName(slot)}”有{names.Count}个文件（{string.Join("、", names)}），无法确定使用哪一个；请只保留一个后重新打包上传";

    private static MemoryStream? CopyBounded(Stream zip)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while ((read = zip.Read(buffer)) > 0)
        {
            if (copy.Length + read > MaxTotalBytes)
            {
                copy.Dispose();
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        copy.Position = 0;
        return copy;
    }

    private static AttachmentZip Refused(params string[] problems)
    {
        var listed = problems.Length <= MaxListedProblems
            ? problems
            : [.. problems.Take(MaxListedProblems), $"另有{problems.Length - MaxListedProblems}处问题未列出"];
        return new AttachmentZip(listed, [], []);
    }
}
