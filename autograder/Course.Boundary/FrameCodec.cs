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
public static class FrameCodec
{
    /// <summary>The largest frame accepted (tensor values included).</summary>
    public const int MaxFrameBytes = 256 << 20;

    /// <summary>The largest JSON header accepted.</summary>
    public const int MaxJsonBytes = 4 << 20;

    /// <summary>The deepest JSON accepted.</summary>
    public const int MaxJsonDepth = 32;

    private const int FixedHeaderBytes = 1 + 8 + 8 + 2 + 4;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxJsonDepth };
    private static readonly JsonNodeOptions NodeOptions = new();

    /// <summary>Writes a frame.</summary>
    /// <param name="stream">Where to.</param>
    /// <param name="frame">The frame.</param>
    /// <exception cref="BoundaryProtocolException">The frame is larger than the limits allow.</exception>
    public static void Write(Stream stream, Frame frame)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(frame);
        byte[] op = Encoding.UTF8.GetBytes(frame.Operation);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(frame.Body);
        long total = FixedHeaderBytes + (long)op.Length + json.Length + frame.Payload.Length;
        if (op.Length > short.MaxValue || json.Length > MaxJsonBytes || total > MaxFrameBytes)
        {
            throw new BoundaryProtocolException($"A frame of {total:N0} bytes ({json.Length:N0} of JSON) for '{frame.Operation}' is larger than the boundary allows ({MaxFrameBytes:N0}).");
        }

        // One buffer, one write: a frame costs the writer a single system call however many parts it has.
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
    /// <exception cref="BoundaryProtocolException">The frame is malformed, oversized or cut off.</exception>
    public static Frame? Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var lengthBytes = new byte[4];
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
        if (jsonLength < 0 || jsonLength > MaxJsonBytes || position + jsonLength > total)
        {
            throw new BoundaryProtocolException($"A frame's JSON of {jsonLength:N0} bytes does not fit its {total:N0} bytes (or passes the {MaxJsonBytes:N0}-byte limit).");
        }

        JsonObject body;
        try
        {
            body = JsonNode.Parse(bytes.AsSpan(position, jsonLength), NodeOptions, DocumentOptions) as JsonObject
                ?? throw new BoundaryProtocolException("A frame's JSON is not an object.");
        }
        catch (JsonException error)
        {
            throw new BoundaryProtocolException($"A frame's JSON is malformed: {error.Message}", error);
        }

        position += jsonLength;
        return new Frame(id, kind, op, origin, body, bytes.AsMemory(position, total - position));
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, string what)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException error)
        {
            throw new BoundaryProtocolException($"A frame's {what} is not UTF-8.", error);
        }
    }

    private static int ReadAtMost(Stream stream, byte[] buffer)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read;
    }
}
