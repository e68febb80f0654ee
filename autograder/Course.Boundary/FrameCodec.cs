using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Boundary;

/// <summary>
/// Reads and writes frames: <c>[total length:int32][kind:byte][id:int64][origin:int64][op length:int16][op][json length:int32][json][payload]</c>,
/// little-endian. Every length is checked against a limit before anything is allocated, so a hostile peer can
/// make the reader refuse, never allocate without bound or parse without end.
/// </summary>
/// <remarks>
/// Limits: a frame of at most <see cref="MaxFrameBytes"/> bytes after its length, an operation name of at most
/// <see cref="short.MaxValue"/> bytes of UTF-8, JSON of at most <see cref="MaxJsonBytes"/> bytes and
/// <see cref="MaxJsonDepth"/> levels, one object at the top, no key twice in an object, every string valid text.
/// The writer applies the same limits, so a side never sends what the other must refuse.
/// </remarks>
public static class FrameCodec
{
    /// <summary>The largest frame accepted (tensor values included).</summary>
    public const int MaxFrameBytes = 256 << 20;

    /// <summary>The largest JSON header accepted.</summary>
    public const int MaxJsonBytes = 4 << 20;

    /// <summary>The deepest JSON accepted.</summary>
    public const int MaxJsonDepth = 32;

    private const int FixedHeaderBytes = 1 + 8 + 8 + 2 + 4;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxJsonDepth, AllowDuplicateProperties = false };
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxJsonDepth };
    private static readonly JsonNodeOptions NodeOptions = new();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes a frame, whole or not at all: every limit the reader applies is checked before the first byte.</summary>
    /// <param name="stream">Where to.</param>
    /// <param name="frame">The frame.</param>
    /// <exception cref="BoundaryProtocolException">
    /// The frame breaks a limit the reader would refuse it for (its size, its JSON's size or depth, an operation name
    /// that is not text or too long, a kind that is not defined). Nothing was written: a side can answer with a
    /// failure instead. Any other exception is the stream's own (the peer went away).
    /// </exception>
    public static void Write(Stream stream, Frame frame)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Kind is not (FrameKind.Call or FrameKind.Result or FrameKind.Failure))
        {
            throw new BoundaryProtocolException($"A frame of kind {(byte)frame.Kind} cannot be written: it is not a call, a result or a failure.");
        }

        byte[] op;
        try
        {
            op = StrictUtf8.GetBytes(frame.Operation);
        }
        catch (EncoderFallbackException error)
        {
            throw new BoundaryProtocolException($"The operation name of a frame is not valid text: {error.Message}", error);
        }

        byte[] json = SerializeBody(frame);
        long total = FixedHeaderBytes + (long)op.Length + json.Length + frame.Payload.Length;
        if (op.Length > short.MaxValue || json.Length > MaxJsonBytes || total > MaxFrameBytes)
        {
            throw new BoundaryProtocolException($"A frame of {total:N0} bytes ({json.Length:N0} of JSON, an operation name of {op.Length:N0}) for '{Shortened(frame.Operation)}' is larger than the boundary allows ({MaxFrameBytes:N0} bytes, {MaxJsonBytes:N0} of JSON).");
        }

        // One buffer, one write: a frame costs the writer a single system call however many parts it has, and a
        // frame is never half written because one of its parts turned out to be wrong.
        int length = 4 + (int)total;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Span<byte> bytes = buffer.AsSpan(0, length);
            BinaryPrimitives.WriteInt32LittleEndian(bytes, (int)total);
            bytes[4] = (byte)frame.Kind;
            BinaryPrimitives.WriteInt64LittleEndian(bytes[5..], frame.Id);
            BinaryPrimitives.WriteInt64LittleEndian(bytes[13..], frame.Origin);
            BinaryPrimitives.WriteInt16LittleEndian(bytes[21..], (short)op.Length);
            op.CopyTo(bytes[23..]);
            // The JSON length follows the operation's name.
            BinaryPrimitives.WriteInt32LittleEndian(bytes[(23 + op.Length)..], json.Length);
            json.CopyTo(bytes[(27 + op.Length)..]);
            frame.Payload.Span.CopyTo(bytes[(27 + op.Length + json.Length)..]);
            stream.Write(bytes);
            stream.Flush();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads one frame, or null at the end of the stream.</summary>
    /// <param name="stream">Where from.</param>
    /// <returns>The frame, or null when the peer closed the stream between frames.</returns>
    /// <exception cref="BoundaryProtocolException">
    /// The frame is malformed (an unknown kind, an operation name or JSON that does not fit or is not valid text,
    /// JSON that is not one object, is deeper than <see cref="MaxJsonDepth"/> or names a key twice), oversized, or
    /// cut off. Nothing else is thrown for what the peer sent.
    /// </exception>
    /// <remarks>
    /// The frame's buffer is allocated once its declared length has been checked against <see cref="MaxFrameBytes"/>,
    /// so a peer can make a reader hold at most that much for a frame it never finishes. The body is parsed whole
    /// here, so reading its fields later never meets a malformed value, and it may be read from several threads.
    /// </remarks>
    public static Frame? Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> lengthBytes = stackalloc byte[4];
        int first = ReadAtMost(stream, lengthBytes);
        if (first == 0)
        {
            return null;
        }

        if (first < 4)
        {
            throw new BoundaryProtocolException("The stream ended inside a frame's length.");
        }

        int total = BinaryPrimitives.ReadInt32LittleEndian(lengthBytes);
        if (total < FixedHeaderBytes || total > MaxFrameBytes)
        {
            throw new BoundaryProtocolException($"A frame declared {total:N0} bytes; frames are {FixedHeaderBytes} to {MaxFrameBytes:N0} bytes.");
        }

        var bytes = new byte[total];
        if (ReadAtMost(stream, bytes) < total)
        {
            throw new BoundaryProtocolException($"The stream ended inside a frame of {total:N0} bytes.");
        }

        var kind = (FrameKind)bytes[0];
        if (kind is not (FrameKind.Call or FrameKind.Result or FrameKind.Failure))
        {
            throw new BoundaryProtocolException($"A frame has kind {bytes[0]}, which is not a call, a result or a failure.");
        }

        long id = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(1));
        long origin = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(9));
        int opLength = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(17));
        int position = 19;
        if (opLength < 0 || position + opLength + 4 > total)
        {
            throw new BoundaryProtocolException($"A frame's operation name of {opLength} bytes does not fit its {total:N0} bytes.");
        }

        string op = DecodeUtf8(bytes.AsSpan(position, opLength), "operation name");
        position += opLength;
        int jsonLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(position));
        position += 4;
        if (jsonLength < 0 || jsonLength > MaxJsonBytes || jsonLength > total - position)
        {
            throw new BoundaryProtocolException($"A frame's JSON of {jsonLength:N0} bytes does not fit its {total:N0} bytes (or passes the {MaxJsonBytes:N0}-byte limit).");
        }

        JsonObject body = ParseBody(bytes.AsMemory(position, jsonLength));
        position += jsonLength;
        return new Frame(id, kind, op, origin, body, bytes.AsMemory(position, total - position));
    }

    private static byte[] SerializeBody(Frame frame)
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            // The writer stops at the depth the reader refuses, and replaces a lone surrogate (any .NET string may
            // hold one: a student's exception message) with U+FFFD, so what is written is what the other side reads.
            using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = MaxJsonDepth });
            frame.Body.WriteTo(writer);
        }
        catch (InvalidOperationException error)
        {
            throw new BoundaryProtocolException($"The JSON of a frame for '{Shortened(frame.Operation)}' is deeper than the boundary allows ({MaxJsonDepth}): {error.Message}", error);
        }

        return buffer.WrittenSpan.ToArray();
    }

    // Checks the JSON token by token before making nodes of it: System.Text.Json accepts a key twice and strings that
    // are not valid text (a lone surrogate escaped, bytes that are not UTF-8) when it parses, and throws only when a
    // field is read, far from here, as an ArgumentException or InvalidOperationException the caller does not expect.
    private static JsonObject ParseBody(ReadOnlyMemory<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json.Span, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new BoundaryProtocolException("A frame's JSON is not an object.");
            }

            var keys = new Stack<HashSet<string>>();
            keys.Push(new HashSet<string>(StringComparer.Ordinal));
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        keys.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        keys.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        string key = Text(ref reader);
                        if (!keys.Peek().Add(key))
                        {
                            throw new BoundaryProtocolException($"A frame's JSON names the key '{Shortened(key)}' twice in one object.");
                        }

                        break;
                    case JsonTokenType.String:
                        Text(ref reader);
                        break;
                }
            }

            var body = (JsonObject)JsonNode.Parse(json.Span, NodeOptions, DocumentOptions)!;
            Materialise(body);
            return body;
        }
        catch (JsonException error)
        {
            throw new BoundaryProtocolException($"A frame's JSON is malformed: {error.Message}", error);
        }
    }

    private static string Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException error)
        {
            throw new BoundaryProtocolException($"A frame's JSON holds a string that is not valid text: {error.Message}", error);
        }
    }

    // A parsed JsonObject fills itself in on first use, and that is not safe from two threads at once.
    private static void Materialise(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Materialise(value);
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    Materialise(item);
                }

                break;
        }
    }

    private static string Shortened(string text) => text.Length <= 100 ? text : text[..100] + "…";

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, string what)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException error)
        {
            throw new BoundaryProtocolException($"A frame's {what} is not UTF-8.", error);
        }
    }

    private static int ReadAtMost(Stream stream, Span<byte> buffer)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = stream.Read(buffer[read..]);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read;
    }
}
