using System.Buffers.Binary;
using ExamPortal.Web.Features.Documents;

namespace ExamPortal.Tests.Features.Documents;

public sealed class ChineseFontResolverTests
{
    [Fact]
    public void AMissingFontSaysWhichPackageToInstall()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ChineseFontResolver("/nonexistent/wqy-microhei.ttc"));

        Assert.Contains("fonts-wqy-microhei", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFamilyResolvesToTheOneChineseFace()
    {
        var resolver = new ChineseFontResolver(ChineseFontResolver.DefaultFontPath);

        var regular = resolver.ResolveTypeface("Arial", bold: false, italic: false);
        var bold = resolver.ResolveTypeface(ChineseFontResolver.FamilyName, bold: true, italic: false);

        Assert.NotNull(regular);
        Assert.NotNull(bold);
        Assert.Equal(regular.FaceName, bold.FaceName);
        Assert.True(bold.MustSimulateBold);
        Assert.NotNull(resolver.GetFont(regular.FaceName));
        Assert.Null(resolver.GetFont("Arial"));
    }

    [Fact]
    public void TheFirstFaceOfTheCollectionBecomesAValidTrueTypeFont()
    {
        var font = new ChineseFontResolver(ChineseFontResolver.DefaultFontPath).GetFont("wqy-microhei#0");

        Assert.NotNull(font);
        Assert.Equal(0x00010000u, BinaryPrimitives.ReadUInt32BigEndian(font));
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tags = Enumerable.Range(0, tableCount)
            .Select(t => System.Text.Encoding.ASCII.GetString(font, 12 + (16 * t), 4))
            .ToList();
        Assert.Contains("glyf", tags);
        Assert.Contains("cmap", tags);
        Assert.Contains("head", tags);
        foreach (var t in Enumerable.Range(0, tableCount))
        {
            var offset = BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(12 + (16 * t) + 8));
            var length = BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(12 + (16 * t) + 12));
            Assert.True(offset + length <= font.Length, $"table {tags[t]} lies inside the font");
        }

        // The whole-font checksum the head table promises.
        uint sum = 0;
        for (var i = 0; i + 4 <= font.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(i)));
        }

        Assert.Equal(0xB1B0AFBAu, sum);
    }

    [Fact]
    public void RegisteringTwiceKeepsTheFirstResolver()
    {
        ChineseFontResolver.EnsureRegistered();
        var first = PdfSharp.Fonts.GlobalFontSettings.FontResolver;

        ChineseFontResolver.EnsureRegistered("/somewhere/else.ttc");

        Assert.IsType<ChineseFontResolver>(first);
        Assert.Same(first, PdfSharp.Fonts.GlobalFontSettings.FontResolver);
    }
}
