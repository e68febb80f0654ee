using System.Text;
using System.Text.Json.Nodes;
using Course.Kernel.Protocol;

namespace Course.Kernel.Tests.Protocol;

public sealed class WireFormatTests
{
    private readonly MessageSigner _signer = new("key");

    [Fact]
    public void A_message_survives_encoding_with_its_identities_and_buffers()
    {
        byte[][] identities = [[1, 2, 3], Encoding.ASCII.GetBytes("client")];
        var request = new JupyterMessage(
            identities,
            new JsonObject { ["msg_id"] = "m1", ["msg_type"] = "execute_request", ["session"] = "s" },
            new JsonObject(),
            new JsonObject { ["cell"] = "c" },
            new JsonObject { ["code"] = "display(\"<b>é😀</b>\")" },
            [[9, 9]]);

        IReadOnlyList<byte[]> frames = WireFormat.Encode(request, _signer);

        Assert.Equal(WireFormat.DelimiterText, Encoding.ASCII.GetString(frames[2]));
        Assert.True(WireFormat.TryDecode(frames, _signer, out JupyterMessage? decoded, out string? error), error);
        Assert.Equal(identities, decoded!.Identities);
        Assert.Equal("execute_request", decoded.MessageType);
        Assert.Equal("m1", decoded.MessageId);
        Assert.Equal("display(\"<b>é😀</b>\")", decoded.ContentString("code"));
        Assert.Equal("c", decoded.Metadata["cell"]!.GetValue<string>());
        Assert.Equal([9, 9], decoded.Buffers.Single());
    }

    [Fact]
    public void Html_and_non_ascii_text_travel_unescaped()
    {
        JupyterMessage message = JupyterMessage.Create("display_data", new JsonObject { ["text"] = "<div>é</div>" }, "s", null, []);

        string content = Encoding.UTF8.GetString(WireFormat.Encode(message, _signer)[5]);

        Assert.Equal("{\"text\":\"<div>é</div>\"}", content);
    }

    [Fact]
    public void A_reply_names_its_request_as_parent_and_carries_the_protocol_version()
    {
        var request = new JupyterMessage([[7]], new JsonObject { ["msg_id"] = "req", ["msg_type"] = "kernel_info_request" }, [], [], []);

        JupyterMessage reply = JupyterMessage.Create("kernel_info_reply", [], "kernel-session", request, request.Identities);

        Assert.Equal("req", reply.ParentHeader["msg_id"]!.GetValue<string>());
        Assert.Equal("5.3", reply.Header["version"]!.GetValue<string>());
        Assert.Equal("kernel-session", reply.Session);
        Assert.EndsWith("Z", reply.Header["date"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(request.Identities, reply.Identities);
    }

    [Fact]
    public void Frames_without_a_delimiter_a_bad_signature_or_bad_json_are_refused()
    {
        JupyterMessage message = JupyterMessage.Create("kernel_info_request", [], "s", null, []);
        var frames = WireFormat.Encode(message, _signer).ToList();

        Assert.False(WireFormat.TryDecode(frames.Skip(1).ToArray(), _signer, out _, out string? noDelimiter));
        Assert.Equal("no <IDS|MSG> delimiter", noDelimiter);

        Assert.False(WireFormat.TryDecode(frames, new MessageSigner("wrong"), out _, out string? badSignature));
        Assert.Equal("bad signature", badSignature);

        frames[5] = Encoding.UTF8.GetBytes("{ nope");
        frames[1] = Encoding.ASCII.GetBytes(_signer.Sign(frames.Skip(2).Take(4)));
        Assert.False(WireFormat.TryDecode(frames, _signer, out _, out string? badJson));
        Assert.StartsWith("part 4 is not valid JSON", badJson, StringComparison.Ordinal);

        Assert.False(WireFormat.TryDecode(frames.Take(4).ToArray(), _signer, out _, out string? tooShort));
        Assert.Contains("a message has at least 5", tooShort, StringComparison.Ordinal);
    }
}
