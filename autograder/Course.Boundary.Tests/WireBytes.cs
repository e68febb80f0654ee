using System.Buffers.Binary;
using System.Text;

namespace Course.Boundary.Tests;

/// <summary>
/// Frames as raw bytes, field by field, so that a test can write what <see cref="FrameCodec.Write"/> never would:
/// a length that lies, an unknown kind, an operation name that does not fit, JSON that is not an object.
/// </summary>
internal static class WireBytes
{
    /// <summary>The bytes of a frame after its length: kind, id, origin, operation, JSON and payload.</summary>
    public const int FixedHeader = 1 + 8 + 8 + 2 + 4;

    /// <summary>One frame; every field can be set to a value that contradicts the others.</summary>
    /// <param name="kind">The kind byte.</param>
    /// <param name="id">The call's id.</param>
    /// <param name="origin">The origin.</param>
    /// <param name="op">The operation name's bytes.</param>
    /// <param name="json">The JSON's bytes.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="total">The declared length (default: the true one).</param>
    /// <param name="opLength">The declared operation length (default: the true one).</param>
    /// <param name="jsonLength">The declared JSON length (default: the true one).</param>
    /// <returns>The bytes, length first.</returns>
    public static byte[] Frame(
        byte kind = 1, long id = 1, long origin = 0, byte[]? op = null, byte[]? json = null, byte[]? payload = null,
        int? total = null, short? opLength = null, int? jsonLength = null)
    {
        op ??= "op"u8.ToArray();
        json ??= "{}"u8.ToArray();
        payload ??= [];
        int length = FixedHeader + op.Length + json.Length + payload.Length;
        var bytes = new byte[4 + length];
        Span<byte> span = bytes;
        BinaryPrimitives.WriteInt32LittleEndian(span, total ?? length);
        span[4] = kind;
        BinaryPrimitives.WriteInt64LittleEndian(span[5..], id);
        BinaryPrimitives.WriteInt64LittleEndian(span[13..], origin);
        BinaryPrimitives.WriteInt16LittleEndian(span[21..], opLength ?? (short)op.Length);
        op.CopyTo(span[23..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[(23 + op.Length)..], jsonLength ?? json.Length);
        json.CopyTo(span[(27 + op.Length)..]);
        payload.CopyTo(span[(27 + op.Length + json.Length)..]);
        return bytes;
    }

    /// <summary>A frame whose JSON is the given text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The bytes.</returns>
    public static byte[] WithJson(string json) => Frame(json: Encoding.UTF8.GetBytes(json));

    /// <summary>Just a length prefix.</summary>
    /// <param name="total">The declared length.</param>
    /// <returns>Four bytes.</returns>
    public static byte[] Length(int total)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, total);
        return bytes;
    }
}
