using PdfSharp.Fonts;

namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// Serves WenQuanYi Micro Hei to PDFsharp for every font family it asks for: the one font covers
/// Chinese, Latin letters and digits, so names, ID numbers and addresses all render from it.
/// PDFsharp subsets and embeds it, which keeps a one-page form at tens of kilobytes.
/// </summary>
public sealed class ChineseFontResolver : IFontResolver
{
    /// <summary>Where Debian's fonts-wqy-microhei package puts the font; ./run.sh and ./test.sh install it.</summary>
    public const string DefaultFontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    /// <summary>The family name to pass to XFont; any other name resolves to the same face.</summary>
    public const string FamilyName = "WenQuanYi Micro Hei";

    // Face 0 of the collection is the proportional face; face 1 is the monospaced one.
    private const int FaceIndex = 0;
    private const string FaceName = "wqy-microhei#0";

    private static readonly Lock Gate = new();
    private static ChineseFontResolver? registered;

    private readonly Lazy<byte[]> face;

    /// <exception cref="InvalidOperationException">The font file is missing.</exception>
    public ChineseFontResolver(string fontPath)
    {
        if (!File.Exists(fontPath))
        {
            throw new InvalidOperationException(
                $"找不到中文字体文件 {fontPath}：生成PDF需要文泉驿微米黑字体，请安装 Debian 软件包 fonts-wqy-microhei"
                + "（apt-get install fonts-wqy-microhei；./run.sh 和 ./test.sh 会自动安装）");
        }

        face = new Lazy<byte[]>(() => TrueTypeCollection.ExtractFace(File.ReadAllBytes(fontPath), FaceIndex));
    }

    /// <summary>
    /// Installs the resolver for the whole process, once. PDFsharp's resolver is global and must not
    /// change after the first font is used, so later calls (from any thread) keep the first one and
    /// ignore their <paramref name="fontPath"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The font file is missing; nothing is registered, so a later call can retry.</exception>
    public static void EnsureRegistered(string fontPath = DefaultFontPath)
    {
        if (Volatile.Read(ref registered) is not null)
        {
            return;
        }

        lock (Gate)
        {
            if (registered is not null)
            {
                return;
            }

            var resolver = new ChineseFontResolver(fontPath);
            GlobalFontSettings.FontResolver = resolver;
            Volatile.Write(ref registered, resolver);
        }
    }

    // The font has no bold or italic faces: PDFsharp simulates them, which is how titles get their weight.
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(FaceName, bold, italic);

    public byte[]? GetFont(string faceName) => faceName == FaceName ? face.Value : null;
}
