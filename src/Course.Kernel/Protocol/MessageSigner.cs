using System.Security.Cryptography;
using System.Text;

namespace Course.Kernel.Protocol;

/// <summary>
/// Signs and checks Jupyter messages: the signature is the lower-case hex HMAC-SHA256, under the connection
/// file's key, of the header, parent header, metadata and content frames in that order. With an empty key
/// messages are neither signed nor checked, as the protocol specifies.
/// </summary>
/// <remarks>Thread-safe: each call uses its own hash instance.</remarks>
public sealed class MessageSigner
{
    private readonly byte[] _key;

    /// <summary>Creates a signer.</summary>
    /// <param name="key">The key from the connection file (its UTF-8 bytes are the HMAC key); empty for none.</param>
    public MessageSigner(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = Encoding.UTF8.GetBytes(key);
    }

    /// <summary>Whether messages are signed (the key is not empty).</summary>
    public bool IsSigning => _key.Length > 0;

    /// <summary>Computes the signature of a message's four JSON frames.</summary>
    /// <param name="parts">The header, parent header, metadata and content frames, in that order.</param>
    /// <returns>The lower-case hex signature, or an empty string when not signing.</returns>
    public string Sign(IEnumerable<byte[]> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (!IsSigning)
        {
            return string.Empty;
        }

        return Convert.ToHexStringLower(Hash(parts));
    }

    /// <summary>Checks a received signature in constant time.</summary>
    /// <param name="parts">The header, parent header, metadata and content frames, in that order.</param>
    /// <param name="signature">The signature frame's text.</param>
    /// <returns>True when it matches, or when not signing.</returns>
    public bool Verify(IEnumerable<byte[]> parts, string signature)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(signature);
        if (!IsSigning)
        {
            return true;
        }

        byte[] expected = Hash(parts);
        byte[] received;
        try
        {
            received = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, received);
    }

    private byte[] Hash(IEnumerable<byte[]> parts)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (byte[] part in parts)
        {
            hmac.AppendData(part);
        }

        return hmac.GetHashAndReset();
    }
}
