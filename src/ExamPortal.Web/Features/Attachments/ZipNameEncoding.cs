using System.Text;
using System.Text.Unicode;

namespace ExamPortal.Web.Features.Attachments;

/// <summary>
/// Decodes entry names that lack the zip's UTF-8 flag. Those are in the packing tool's code page: in
/// mainland China GBK (Windows' built-in zip, 360压缩, 好压, and WinRAR or 7-Zip on a Chinese Windows),
/// while macOS writes UTF-8 without setting the flag. Chinese text in GBK is almost never valid UTF-8,
/// so a name that is valid UTF-8 is read as UTF-8 and any other as GBK. Names with the flag are
/// always read as UTF-8 by ZipArchive itself and never reach this class.
/// </summary>
internal sealed class ZipNameEncoding : Encoding
{
    private static readonly Encoding Utf8Names = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly Encoding GbkNames = CodePagesEncodingProvider.Instance.GetEncoding(936)
        ?? throw new InvalidOperationException("The GBK code page (936) is not available.");

    public static ZipNameEncoding Instance { get; } = new();

    public override int GetByteCount(char[] chars, int index, int count) => Utf8Names.GetByteCount(chars, index, count);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        Utf8Names.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    public override int GetCharCount(byte[] bytes, int index, int count) => For(bytes, index, count).GetCharCount(bytes, index, count);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        For(bytes, byteIndex, byteCount).GetChars(bytes, byteIndex, byteCount, chars, charIndex);

    public override string GetString(byte[] bytes, int index, int count) => For(bytes, index, count).GetString(bytes, index, count);

    public override int GetMaxByteCount(int charCount) => Utf8Names.GetMaxByteCount(charCount);

    public override int GetMaxCharCount(int byteCount) => Math.Max(Utf8Names.GetMaxCharCount(byteCount), GbkNames.GetMaxCharCount(byteCount));

    private static Encoding For(byte[] bytes, int index, int count) => Utf8.IsValid(bytes.AsSpan(index, count)) ? Utf8Names : GbkNames;
}
