using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using TinyTorch;

namespace Course.Specs.Core;

/// <summary>
/// A 64-bit digest of a tensor's shape and values (the rounds of xxHash64, four lanes at a time): what timed work
/// reports for each tensor it produced, so the checker can tell the work was really done and done right without
/// carrying every value back. The same in every process (unlike <see cref="HashCode"/>), and about as fast as
/// reading the values once, so it adds little to the time measured; the reference's timing pays it too.
/// </summary>
public static class TensorDigest
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;
    private const ulong Prime4 = 0x85EBCA77C2B2AE63UL;
    private const ulong Prime5 = 0x27D4EB2F165667C5UL;

    /// <summary>The digest of a tensor: its shape and its values, bit for bit.</summary>
    /// <param name="tensor">The tensor.</param>
    /// <returns>The digest.</returns>
    public static ulong Of(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Span<int> shape = stackalloc int[Math.Max(tensor.Rank, 1)];
        for (int d = 0; d < tensor.Rank; d++)
        {
            shape[d] = tensor.Size(d);
        }

        ulong seed = Hash(MemoryMarshal.AsBytes(shape[..tensor.Rank]), (ulong)tensor.Rank);
        return Hash(MemoryMarshal.AsBytes(tensor.Values), seed);
    }

    /// <summary>The digest of bytes (xxHash64's rounds and avalanche; not meant to resist an adversary who knows the values).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="seed">A seed.</param>
    /// <returns>The digest.</returns>
    public static ulong Hash(ReadOnlySpan<byte> bytes, ulong seed)
    {
        ReadOnlySpan<ulong> words = MemoryMarshal.Cast<byte, ulong>(bytes);
        ulong a = seed + Prime1 + Prime2, b = seed + Prime2, c = seed, d = seed - Prime1;
        int i = 0;
        for (; i + 4 <= words.Length; i += 4)
        {
            a = Round(a, words[i]);
            b = Round(b, words[i + 1]);
            c = Round(c, words[i + 2]);
            d = Round(d, words[i + 3]);
        }

        ulong h = BitOperations.RotateLeft(a, 1) + BitOperations.RotateLeft(b, 7) + BitOperations.RotateLeft(c, 12) + BitOperations.RotateLeft(d, 18);
        h += (ulong)bytes.Length;
        for (; i < words.Length; i++)
        {
            h ^= Round(0, words[i]);
            h = (BitOperations.RotateLeft(h, 27) * Prime1) + Prime4;
        }

        foreach (byte tail in bytes[(words.Length * sizeof(ulong))..])
        {
            h ^= tail * Prime5;
            h = BitOperations.RotateLeft(h, 11) * Prime1;
        }

        h ^= h >> 33;
        h *= Prime2;
        h ^= h >> 29;
        h *= Prime3;
        return h ^ (h >> 32);
    }

    /// <summary>The digest as 16 hexadecimal digits, for messages.</summary>
    /// <param name="digest">A digest.</param>
    /// <returns>The text.</returns>
    public static string Text(ulong digest)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, digest);
        return Convert.ToHexStringLower(bytes);
    }

    private static ulong Round(ulong accumulator, ulong input)
    {
        accumulator += input * Prime2;
        accumulator = BitOperations.RotateLeft(accumulator, 31);
        return accumulator * Prime1;
    }
}
