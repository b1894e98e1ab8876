using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ExamPortal.Web.Features.Documents;

/// <summary>
/// Writes one PDF to a forward-only stream (an HTTP response body) from many small PDFs that PDFsharp
/// saved one after another, so a document of hundreds of pages with photos never sits in memory whole:
/// each appended PDF's pages and everything they use are renumbered and written at once, and only a
/// file offset per object and the page object numbers are kept until <see cref="CompleteAsync"/>
/// writes the pages tree, catalog, Info dictionary and cross-reference table.
/// </summary>
/// <remarks>
/// Reads what PDFsharp 6 saves: a classic xref table, no object streams, direct /Length, no encryption,
/// one flat pages tree whose pages carry their own /MediaBox and /Resources. Anything else is refused
/// with an <see cref="InvalidOperationException"/> before any of that PDF is written. Not thread-safe:
/// append one PDF at a time.
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "It streams pages out; it is not a Stream, and callers know it by this name.")]
public sealed class PdfPageStream
{
    private const int BufferSize = 64 * 1024;

    // Written at the end, when every page is known; reserved now so pages can point at the pages tree.
    private const int PagesObject = 1;
    private const int CatalogObject = 2;
    private const int InfoObject = 3;

    // The comment of bytes above 127 tells transfer tools that the file is binary.
    private static readonly byte[] Header = [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n'];
    private static readonly byte[] PagesReference = "1 0 R"u8.ToArray();

    private readonly Stream output;
    private readonly string title;
    private readonly byte[] buffer = new byte[BufferSize];
    private readonly ArrayBufferWriter<byte> scratch = new(4096);

    // Index = output object number; object 0 is the head of the free list.
    private readonly List<long> offsets = [0, 0, 0, 0];
    private readonly List<int> pages = [];
    private int buffered;
    private long position;
    private bool completed;

    /// <summary>Prepares the output; nothing reaches <paramref name="output"/> before the first append.</summary>
    public PdfPageStream(Stream output, string title)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(title);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream must be writable.", nameof(output));
        }

        this.output = output;
        this.title = title;

        Buffer(Header);
    }

    /// <summary>Pages written so far.</summary>
    public int PageCount => pages.Count;

    /// <summary>
    /// Appends every page of <paramref name="pdf"/>, a whole PDF as PDFsharp saves it, with the objects
    /// those pages use. The PDF's catalog, pages tree and Info dictionary are left out.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The PDF is not one this class reads (see the remarks on the class), or the stream is complete.
    /// Nothing of that PDF has been written, so the stream can still be used.
    /// </exception>
    public async Task AppendAsync(ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken)
    {
        EnsureNotCompleted();
        var objects = new SourcePdf(pdf).PageObjects(offsets.Count);
        foreach (var item in objects)
        {
            scratch.ResetWrittenCount();
            WriteNumber(offsets.Count);
            Write(" 0 obj\n"u8);
            Serialize(item.Value, item.Renumbered);
            offsets.Add(position);
            if (item.IsPage)
            {
                pages.Add(offsets.Count - 1);
            }

            if (item.StreamData is { } data)
            {
                Write("\nstream\n"u8);
                await WriteScratchAsync(cancellationToken);
                await WriteAsync(data, cancellationToken);
                Write("\nendstream"u8);
            }

            Write("\nendobj\n"u8);
            await WriteScratchAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Writes the pages tree, catalog, Info dictionary with the title, cross-reference table and
    /// trailer, and flushes the output. The stream takes no more pages after this.
    /// </summary>
    /// <exception cref="InvalidOperationException">The stream is already complete.</exception>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        EnsureNotCompleted();
        completed = true;

        scratch.ResetWrittenCount();
        offsets[PagesObject] = position;
        Write("1 0 obj\n<</Type/Pages/Count "u8);
        WriteNumber(pages.Count);
        Write("/Kids["u8);
        for (var i = 0; i < pages.Count; i++)
        {
            if (i > 0)
            {
                Write(" "u8);
            }

            WriteNumber(pages[i]);
            Write(" 0 R"u8);
        }

        Write("]>>\nendobj\n"u8);
        await WriteScratchAsync(cancellationToken);

        offsets[CatalogObject] = position;
        Write("2 0 obj\n<</Type/Catalog/Pages 1 0 R>>\nendobj\n"u8);
        await WriteScratchAsync(cancellationToken);

        // UTF-16BE with a byte order mark is the text string form that holds any title, Chinese included.
        offsets[InfoObject] = position;
        Write("3 0 obj\n<</Title<FEFF"u8);
        Write(Encoding.ASCII.GetBytes(Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(title))));
        Write(">/Producer(ExamPortal)>>\nendobj\n"u8);
        await WriteScratchAsync(cancellationToken);

        var xref = position;
        Write("xref\n0 "u8);
        WriteNumber(offsets.Count);
        Write("\n0000000000 65535 f\r\n"u8);
        for (var number = 1; number < offsets.Count; number++)
        {
            WriteNumber(offsets[number], "D10");
            Write(" 00000 n\r\n"u8);
            if (scratch.WrittenCount > BufferSize)
            {
                await WriteScratchAsync(cancellationToken);
            }
        }

        Write("trailer\n<</Size "u8);
        WriteNumber(offsets.Count);
        Write("/Root 2 0 R/Info 3 0 R>>\nstartxref\n"u8);
        WriteNumber(xref);
        Write("\n%%EOF\n"u8);
        await WriteScratchAsync(cancellationToken);
        await FlushBufferAsync(cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private void EnsureNotCompleted()
    {
        if (completed)
        {
            throw new InvalidOperationException("The PDF is complete; no pages can be appended after CompleteAsync.");
        }
    }

    private void Serialize(PdfValue value, IReadOnlyDictionary<int, int> renumbered)
    {
        switch (value)
        {
            case PdfAtom atom:
                Write(atom.Raw.Span);
                break;
            case PdfReference reference:
                WriteNumber(renumbered[reference.Number]);
                Write(" 0 R"u8);
                break;
            case PdfArray array:
                Write("["u8);
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0 && StartsWithRegular(array.Items[i]))
                    {
                        Write(" "u8);
                    }

                    Serialize(array.Items[i], renumbered);
                }

                Write("]"u8);
                break;
            case PdfDictionary dictionary:
                Write("<<"u8);
                foreach (var (key, entry) in dictionary.Entries)
                {
                    Write(key.Span);
                    if (StartsWithRegular(entry))
                    {
                        Write(" "u8);
                    }

                    Serialize(entry, renumbered);
                }

                Write(">>"u8);
                break;
        }
    }

    /// <summary>Whether a space must separate the value from a name or number before it.</summary>
    private static bool StartsWithRegular(PdfValue value) =>
        value is PdfReference || (value is PdfAtom atom && Reader.IsRegular(atom.Raw.Span[0]));

    private void Write(ReadOnlySpan<byte> bytes) => scratch.Write(bytes);

    private void WriteNumber(long number, string? format = null)
    {
        var span = scratch.GetSpan(20);
        number.TryFormat(span, out var written, format, CultureInfo.InvariantCulture);
        scratch.Advance(written);
    }

    private void Buffer(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.AsSpan(buffered));
        buffered += bytes.Length;
        position += bytes.Length;
    }

    private async Task WriteScratchAsync(CancellationToken cancellationToken)
    {
        await WriteAsync(scratch.WrittenMemory, cancellationToken);
        scratch.ResetWrittenCount();
    }

    private async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (bytes.Length > buffer.Length - buffered)
        {
            await FlushBufferAsync(cancellationToken);
        }

        // A photo or font larger than the buffer goes straight out rather than through it in pieces.
        if (bytes.Length >= buffer.Length)
        {
            await output.WriteAsync(bytes, cancellationToken);
            position += bytes.Length;
        }
        else
        {
            Buffer(bytes.Span);
        }
    }

    private async Task FlushBufferAsync(CancellationToken cancellationToken)
    {
        if (buffered > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, buffered), cancellationToken);
            buffered = 0;
        }
    }

    private abstract record PdfValue;

    /// <summary>A number, name, string, boolean or null, copied byte for byte.</summary>
    private sealed record PdfAtom(ReadOnlyMemory<byte> Raw) : PdfValue;

    private sealed record PdfReference(int Number) : PdfValue;

    private sealed record PdfArray(List<PdfValue> Items) : PdfValue;

    private sealed record PdfDictionary(List<(ReadOnlyMemory<byte> Key, PdfValue Value)> Entries) : PdfValue
    {
        public PdfValue? this[ReadOnlySpan<byte> key]
        {
            get
            {
                foreach (var (name, value) in Entries)
                {
                    if (name.Span.SequenceEqual(key))
                    {
                        return value;
                    }
                }

                return null;
            }
        }

        public bool Is(ReadOnlySpan<byte> key, ReadOnlySpan<byte> name) =>
            this[key] is PdfAtom atom && atom.Raw.Span.SequenceEqual(name);

        public void Set(ReadOnlyMemory<byte> key, PdfValue value)
        {
            for (var i = 0; i < Entries.Count; i++)
            {
                if (Entries[i].Key.Span.SequenceEqual(key.Span))
                {
                    Entries[i] = (Entries[i].Key, value);
                    return;
                }
            }

            Entries.Add((key, value));
        }
    }

    /// <summary>One object to write: its value, its stream's bytes if it has one, and the new numbers of what it refers to.</summary>
    private sealed record CopiedObject(PdfValue Value, ReadOnlyMemory<byte>? StreamData, bool IsPage, IReadOnlyDictionary<int, int> Renumbered);

    /// <summary>One PDF as PDFsharp saves it, read only as far as its pages need.</summary>
    private sealed class SourcePdf
    {
        private static readonly byte[] ParentKey = "/Parent"u8.ToArray();

        private readonly ReadOnlyMemory<byte> data;
        private readonly Dictionary<int, int> objectOffsets = [];
        private readonly HashSet<int> leftOut = [];
        private readonly List<int> kids = [];

        public SourcePdf(ReadOnlyMemory<byte> data)
        {
            this.data = data;
            if (!data.Span.StartsWith("%PDF-"u8))
            {
                throw Refuse("it does not start with %PDF-");
            }

            var trailer = ReadXref();
            if (trailer["/Encrypt"u8] is not null)
            {
                throw Refuse("it is encrypted");
            }

            if (trailer["/Prev"u8] is not null || trailer["/XRefStm"u8] is not null)
            {
                throw Refuse("it has been updated incrementally or has a hybrid cross-reference section");
            }

            var root = trailer["/Root"u8] as PdfReference ?? throw Refuse("its trailer has no /Root reference");
            leftOut.Add(root.Number);
            if (trailer["/Info"u8] is PdfReference info)
            {
                leftOut.Add(info.Number);
            }

            var catalog = ReadObject(root.Number).Value as PdfDictionary;
            if (catalog?["/Pages"u8] is not PdfReference pagesRoot)
            {
                throw Refuse("its catalog has no /Pages reference");
            }

            leftOut.Add(pagesRoot.Number);
            var tree = ReadObject(pagesRoot.Number).Value as PdfDictionary;
            if (tree is null || !tree.Is("/Type"u8, "/Pages"u8) || tree["/Kids"u8] is not PdfArray kidArray)
            {
                throw Refuse("its pages tree root is not a /Pages dictionary with /Kids");
            }

            // PDFsharp gives every page its own attributes; inherited ones would be lost with the root.
            foreach (var inherited in new[] { "/Resources"u8.ToArray(), "/MediaBox"u8.ToArray(), "/CropBox"u8.ToArray(), "/Rotate"u8.ToArray() })
            {
                if (tree[inherited] is not null)
                {
                    throw Refuse($"its pages tree root has {Encoding.ASCII.GetString(inherited)} for its pages to inherit");
                }
            }

            foreach (var kid in kidArray.Items)
            {
                kids.Add(kid is PdfReference page ? page.Number : throw Refuse("its /Kids holds something other than references"));
            }
        }

        /// <summary>
        /// The pages in order, then every object they reach (not through /Parent), numbered from
        /// <paramref name="firstNumber"/> in the order returned. Reads them all before returning so
        /// that a PDF this class cannot read is refused before any of it is written.
        /// </summary>
        public List<CopiedObject> PageObjects(int firstNumber)
        {
            var renumbered = new Dictionary<int, int>();
            var queue = new Queue<int>();
            foreach (var kid in kids)
            {
                if (!renumbered.TryAdd(kid, firstNumber + renumbered.Count))
                {
                    throw Refuse($"its page object {kid} appears twice in /Kids");
                }

                queue.Enqueue(kid);
            }

            var copied = new List<CopiedObject>();
            while (queue.TryDequeue(out var number))
            {
                var (value, streamData) = ReadObject(number);
                var isPage = copied.Count < kids.Count;
                if (isPage)
                {
                    if (value is not PdfDictionary page || !page.Is("/Type"u8, "/Page"u8))
                    {
                        throw Refuse($"its /Kids entry {number} is not a /Page (nested pages trees are not read)");
                    }

                    page.Set(ParentKey, new PdfAtom(PagesReference));
                }

                foreach (var target in References(value))
                {
                    if (leftOut.Contains(target))
                    {
                        throw Refuse($"object {number} refers to the catalog, pages tree or Info dictionary (object {target})");
                    }

                    if (renumbered.TryAdd(target, firstNumber + renumbered.Count))
                    {
                        queue.Enqueue(target);
                    }
                }

                copied.Add(new CopiedObject(value, streamData, isPage, renumbered));
            }

            return copied;
        }

        private static IEnumerable<int> References(PdfValue value)
        {
            switch (value)
            {
                case PdfReference reference:
                    yield return reference.Number;
                    break;
                case PdfArray array:
                    foreach (var number in array.Items.SelectMany(References))
                    {
                        yield return number;
                    }

                    break;
                case PdfDictionary dictionary:
                    foreach (var number in dictionary.Entries.SelectMany(entry => References(entry.Value)))
                    {
                        yield return number;
                    }

                    break;
            }
        }

        private static InvalidOperationException Refuse(string reason) =>
            new($"PdfPageStream cannot append this PDF: {reason}. It reads only what PDFsharp 6 saves.");

        private PdfDictionary ReadXref()
        {
            var span = data.Span;
            var tail = Math.Max(0, span.Length - 1024);
            var at = span[tail..].LastIndexOf("startxref"u8);
            if (at < 0)
            {
                throw Refuse("it has no startxref near its end");
            }

            var reader = new Reader(data, tail + at + "startxref"u8.Length);
            var xref = reader.ReadInteger();
            reader = new Reader(data, xref);
            if (!reader.TryKeyword("xref"u8))
            {
                throw Refuse("its startxref does not point at a classic xref table (a cross-reference stream is not read)");
            }

            while (!reader.TryKeyword("trailer"u8))
            {
                var first = reader.ReadInteger();
                var count = reader.ReadInteger();
                for (var number = first; number < first + count; number++)
                {
                    var offset = reader.ReadInteger();
                    reader.ReadInteger();
                    if (reader.TryKeyword("n"u8))
                    {
                        objectOffsets[number] = offset;
                    }
                    else if (!reader.TryKeyword("f"u8))
                    {
                        throw Refuse($"its xref entry for object {number} is neither n nor f");
                    }
                }
            }

            return reader.ReadValue() as PdfDictionary ?? throw Refuse("its trailer is not a dictionary");
        }

        private (PdfValue Value, ReadOnlyMemory<byte>? StreamData) ReadObject(int number)
        {
            if (!objectOffsets.TryGetValue(number, out var offset))
            {
                throw Refuse($"object {number} is not in its xref table");
            }

            var reader = new Reader(data, offset);
            if (reader.ReadInteger() != number)
            {
                throw Refuse($"its xref offset for object {number} does not point at that object");
            }

            reader.ReadInteger();
            if (!reader.TryKeyword("obj"u8))
            {
                throw Refuse($"object {number} does not start with 'obj'");
            }

            var value = reader.ReadValue();
            if (reader.TryKeyword("endobj"u8))
            {
                return (value, null);
            }

            if (value is not PdfDictionary dictionary || !reader.TryStreamKeyword())
            {
                throw Refuse($"object {number} is followed by neither endobj nor a stream");
            }

            if (dictionary["/Length"u8] is not PdfAtom length || !Reader.TryParseInteger(length.Raw.Span, out var size))
            {
                throw Refuse($"the stream of object {number} has no direct /Length");
            }

            var streamData = reader.ReadStreamData(size);
            if (!reader.TryKeyword("endstream"u8) || !reader.TryKeyword("endobj"u8))
            {
                throw Refuse($"the stream of object {number} does not end where its /Length says");
            }

            return (value, streamData);
        }
    }

    /// <summary>Reads PDF tokens and values; strings and names are kept as their bytes, never looked into.</summary>
    private struct Reader(ReadOnlyMemory<byte> data, int start)
    {
        private const int MaxDepth = 64;

        private readonly ReadOnlyMemory<byte> data = data;
        private int position = start;

        public static bool TryParseInteger(ReadOnlySpan<byte> digits, out int value)
        {
            value = 0;
            foreach (var digit in digits)
            {
                // Xref offsets come with ten digits, leading zeros included.
                if (!IsDigit(digit) || value > (int.MaxValue - 9) / 10)
                {
                    return false;
                }

                value = (value * 10) + (digit - '0');
            }

            return !digits.IsEmpty;
        }

        public static bool IsRegular(byte b) => !IsWhitespace(b) && !IsDelimiter(b);

        public int ReadInteger()
        {
            SkipWhitespace();
            var start = position;
            while (position < data.Length && IsDigit(data.Span[position]))
            {
                position++;
            }

            if (!TryParseInteger(data.Span[start..position], out var value))
            {
                throw Unreadable("an integer");
            }

            return value;
        }

        /// <summary>Consumes <paramref name="keyword"/> if it comes next as a whole token.</summary>
        public bool TryKeyword(ReadOnlySpan<byte> keyword)
        {
            SkipWhitespace();
            var span = data.Span;
            var end = position + keyword.Length;
            if (!span[position..].StartsWith(keyword) || (end < span.Length && IsRegular(span[end])))
            {
                return false;
            }

            position = end;
            return true;
        }

        /// <summary>'stream' and the end of line after it, which is not part of the data.</summary>
        public bool TryStreamKeyword()
        {
            if (!TryKeyword("stream"u8))
            {
                return false;
            }

            var span = data.Span;
            if (position < span.Length && span[position] == '\r')
            {
                position++;
            }

            if (position >= span.Length || span[position] != '\n')
            {
                return false;
            }

            position++;
            return true;
        }

        public ReadOnlyMemory<byte> ReadStreamData(int length)
        {
            if (length > data.Length - position)
            {
                throw Unreadable($"{length} bytes of stream data");
            }

            var slice = data.Slice(position, length);
            position += length;
            return slice;
        }

        public PdfValue ReadValue() => ReadValue(0);

        private static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

        private static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

        private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

        private PdfValue ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Unreadable($"a value nested less than {MaxDepth} deep");
            }

            SkipWhitespace();
            var span = data.Span;
            if (position >= span.Length)
            {
                throw Unreadable("a value");
            }

            var start = position;
            switch (span[position])
            {
                case (byte)'<' when position + 1 < span.Length && span[position + 1] == '<':
                    position += 2;
                    var entries = new List<(ReadOnlyMemory<byte> Key, PdfValue Value)>();
                    while (!TryClose(">>"u8))
                    {
                        SkipWhitespace();
                        if (position >= span.Length || span[position] != '/')
                        {
                            throw Unreadable("a dictionary key");
                        }

                        var key = ReadName();
                        entries.Add((key, ReadValue(depth + 1)));
                    }

                    return new PdfDictionary(entries);
                case (byte)'[':
                    position++;
                    var items = new List<PdfValue>();
                    while (!TryClose("]"u8))
                    {
                        items.Add(ReadValue(depth + 1));
                    }

                    return new PdfArray(items);
                case (byte)'<':
                    var close = span[position..].IndexOf((byte)'>');
                    if (close < 0)
                    {
                        throw Unreadable("the end of a hex string");
                    }

                    position += close + 1;
                    return new PdfAtom(data[start..position]);
                case (byte)'(':
                    SkipLiteralString();
                    return new PdfAtom(data[start..position]);
                case (byte)'/':
                    return new PdfAtom(ReadName());
                default:
                    return ReadNumberOrKeyword();
            }
        }

        /// <summary>A number, 'N G R', true, false or null.</summary>
        private PdfValue ReadNumberOrKeyword()
        {
            var span = data.Span;
            var start = position;
            while (position < span.Length && IsRegular(span[position]))
            {
                position++;
            }

            var token = span[start..position];
            if (token.IsEmpty)
            {
                throw Unreadable("a value");
            }

            if (TryParseInteger(token, out var number))
            {
                // Look ahead for 'G R' without giving up the integer if it is not a reference.
                var ahead = this;
                ahead.SkipWhitespace();
                var generationStart = ahead.position;
                while (ahead.position < span.Length && IsDigit(span[ahead.position]))
                {
                    ahead.position++;
                }

                if (ahead.position > generationStart && ahead.TryKeyword("R"u8))
                {
                    this = ahead;
                    return new PdfReference(number);
                }

                return new PdfAtom(data[start..position]);
            }

            if (token.SequenceEqual("true"u8) || token.SequenceEqual("false"u8) || token.SequenceEqual("null"u8) || IsNumber(token))
            {
                return new PdfAtom(data[start..position]);
            }

            position = start;
            throw Unreadable("a value");
        }

        private static bool IsNumber(ReadOnlySpan<byte> token)
        {
            var digits = 0;
            for (var i = 0; i < token.Length; i++)
            {
                var b = token[i];
                if (IsDigit(b))
                {
                    digits++;
                }
                else if (!(b == '.' || (i == 0 && b is (byte)'+' or (byte)'-')))
                {
                    return false;
                }
            }

            return digits > 0;
        }

        private ReadOnlyMemory<byte> ReadName()
        {
            var start = position;
            position++;
            while (position < data.Length && IsRegular(data.Span[position]))
            {
                position++;
            }

            return data[start..position];
        }

        private void SkipLiteralString()
        {
            var span = data.Span;
            var nesting = 0;
            while (position < span.Length)
            {
                switch (span[position++])
                {
                    case (byte)'\\':
                        position++;
                        break;
                    case (byte)'(':
                        nesting++;
                        break;
                    case (byte)')' when --nesting == 0:
                        return;
                }
            }

            throw Unreadable("the end of a literal string");
        }

        private bool TryClose(ReadOnlySpan<byte> close)
        {
            SkipWhitespace();
            if (!data.Span[position..].StartsWith(close))
            {
                return false;
            }

            position += close.Length;
            return true;
        }

        private void SkipWhitespace()
        {
            var span = data.Span;
            while (position < span.Length)
            {
                if (IsWhitespace(span[position]))
                {
                    position++;
                }
                else if (span[position] == '%')
                {
                    while (position < span.Length && span[position] is not (byte)'\n' and not (byte)'\r')
                    {
                        position++;
                    }
                }
                else
                {
                    return;
                }
            }
        }

        private readonly InvalidOperationException Unreadable(string expected) =>
            new($"PdfPageStream cannot append this PDF: expected {expected} at byte {position}. It reads only what PDFsharp 6 saves.");
    }
}
