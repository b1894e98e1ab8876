using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace ExamPortal.Web.Features.Uploads;

/// <summary>
/// Checks an uploaded PDF scan before reviewers open it in their browsers: it must open, have pages,
/// carry no password and nothing active (scripts, launch actions, attached files).
/// </summary>
internal static class PdfScanInspector
{
    // Names that make a PDF do something when opened, and how to tell the candidate about them.
    private static readonly (string Name, string Description)[] ActiveContent =
    [
        ("/JavaScript", "脚本（JavaScript）"),
        ("/JS", "脚本（JavaScript）"),
        ("/Launch", "启动外部程序的动作"),
        ("/EmbeddedFile", "附件文件"),
        ("/EmbeddedFiles", "附件文件"),
    ];

    /// <summary>Problems in Chinese, each saying what to do; empty when the PDF may be stored.</summary>
    public static IReadOnlyList<string> Problems(byte[] data)
    {
        // The /Encrypt entry sits in the trailer, which is never compressed, so the raw bytes show it.
        if (ContainsName(data, "/Encrypt"))
        {
            return ["PDF文件已加密或设置了密码，审核人员无法打开；请取消密码后重新导出PDF，或改为上传JPG、PNG格式的扫描图片"];
        }

        PdfDocument document;
        try
        {
            using var stream = new MemoryStream(data, writable: false);
            document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A hostile or damaged file can fail inside the parser in any way; all mean "unreadable".
            return ["PDF文件已损坏或格式无法识别，无法打开；请重新扫描或重新导出PDF后上传"];
        }

        using (document)
        {
            if (document.PageCount == 0)
            {
                return ["PDF文件中没有任何页面；请重新扫描后上传"];
            }

            // Walking the parsed objects finds names inside compressed object streams; scanning the raw
            // bytes finds those in objects the cross-reference table no longer lists.
            var found = ActiveContent
                .Where(entry => ContainsName(data, entry.Name))
                .Select(entry => entry.Description)
                .Concat(NamesIn(document).SelectMany(name => ActiveContent.Where(entry => entry.Name == name).Select(entry => entry.Description)))
                .Distinct()
                .ToList();
            return found.Count == 0
                ? []
                : [$"PDF文件中含有{string.Join("、", found)}，出于安全考虑不予接收；请用扫描仪重新扫描，或用“打印为PDF”重新生成后上传"];
        }
    }

    // Every name used as a dictionary key or value anywhere in the document's objects.
    private static HashSet<string> NamesIn(PdfDocument document)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<PdfItem>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<PdfItem>(document.Internals.GetAllObjects());
        while (pending.TryPop(out var item))
        {
            if (!seen.Add(item))
            {
                continue;
            }

            switch (item)
            {
                case PdfName name:
                    names.Add(name.Value);
                    break;
                case PdfDictionary dictionary:
                    foreach (var (key, value) in dictionary.Elements)
                    {
                        names.Add(key);
                        if (value is not null)
                        {
                            pending.Push(value);
                        }
                    }

                    break;
                case PdfArray array:
                    foreach (var element in array.Elements)
                    {
                        pending.Push(element);
                    }

                    break;
            }
        }

        return names;
    }

    // A PDF name ends at whitespace or a delimiter, so "/JS" does not match inside "/JSON".
    private static bool ContainsName(ReadOnlySpan<byte> data, string name)
    {
        Span<byte> needle = stackalloc byte[name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            needle[i] = (byte)name[i];
        }

        var offset = 0;
        while (true)
        {
            var at = data[offset..].IndexOf(needle);
            if (at < 0)
            {
                return false;
            }

            var end = offset + at + needle.Length;
            if (end >= data.Length || IsNameEnd(data[end]))
            {
                return true;
            }

            offset = end;
        }
    }

    private static bool IsNameEnd(byte b) =>
        b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or (byte)'\f' or 0
            or (byte)'/' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'(' or (byte)')' or (byte)'{' or (byte)'}' or (byte)'%';
}
