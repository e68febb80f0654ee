using System.Security.Cryptography;

namespace Course.Withhold.Tests.Support;

/// <summary>Writes an RSA key as a strong-name key file (.snk: a CryptoAPI PRIVATEKEYBLOB), the format sn.exe makes.</summary>
internal static class StrongNameKeyFile
{
    /// <summary>The .snk bytes of <paramref name="key"/> (which must hold the private parameters).</summary>
    public static byte[] Of(RSAParameters key)
    {
        int bits = key.Modulus!.Length * 8;
        using var blob = new MemoryStream();
        using var writer = new BinaryWriter(blob);
        writer.Write((byte)0x07);       // PRIVATEKEYBLOB
        writer.Write((byte)0x02);       // version
        writer.Write((ushort)0);
        writer.Write(0x00002400);       // CALG_RSA_SIGN
        writer.Write(0x32415352);       // "RSA2"
        writer.Write(bits);
        writer.Write(LittleEndian(Exponent(key)));
        foreach (var part in new[] { key.Modulus, key.P!, key.Q!, key.DP!, key.DQ!, key.InverseQ!, key.D! })
        {
            writer.Write(LittleEndian(part));
        }

        writer.Flush();
        return blob.ToArray();
    }

    /// <summary>The public exponent as the four big-endian bytes a key blob holds (reversed).</summary>
    public static byte[] Exponent(RSAParameters key)
    {
        byte[] exponent = new byte[4];
        key.Exponent!.CopyTo(exponent, 4 - key.Exponent.Length);
        return exponent;
    }

    private static byte[] LittleEndian(byte[] bigEndian) => bigEndian.Reverse().ToArray();
}
