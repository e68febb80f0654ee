using System.Text;
using Course.Kernel.Protocol;

namespace Course.Kernel.Tests.Protocol;

public sealed class MessageSignerTests
{
    private static readonly byte[][] Parts =
        [.. new[] { "{\"msg_id\":\"1\"}", "{}", "{}", "{\"code\":\"x\"}" }.Select(Encoding.UTF8.GetBytes)];

    [Fact]
    public void The_signature_is_the_hmac_sha256_jupyter_client_computes()
    {
        // jupyter_client.session.Session(key=b"secret").sign(parts)
        const string FromJupyterClient = "6d4e96e072a7d545daf167071b1f625b663fcd9227dc75b9859ef0fcf0aef780";

        var signer = new MessageSigner("secret");

        Assert.Equal(FromJupyterClient, signer.Sign(Parts));
        Assert.True(signer.Verify(Parts, FromJupyterClient));
        Assert.True(signer.Verify(Parts, FromJupyterClient.ToUpperInvariant()));
    }

    [Fact]
    public void A_changed_part_or_a_garbled_signature_does_not_verify()
    {
        var signer = new MessageSigner("secret");
        string signature = signer.Sign(Parts);
        byte[][] tampered = [Parts[0], Parts[1], Parts[2], Encoding.UTF8.GetBytes("{\"code\":\"y\"}")];

        Assert.False(signer.Verify(tampered, signature));
        Assert.False(signer.Verify(Parts, "not hex"));
        Assert.False(signer.Verify(Parts, string.Empty));
        Assert.False(new MessageSigner("other").Verify(Parts, signature));
    }

    [Fact]
    public void With_an_empty_key_messages_are_not_signed_or_checked()
    {
        var signer = new MessageSigner(string.Empty);

        Assert.False(signer.IsSigning);
        Assert.Equal(string.Empty, signer.Sign(Parts));
        Assert.True(signer.Verify(Parts, "anything"));
    }
}
