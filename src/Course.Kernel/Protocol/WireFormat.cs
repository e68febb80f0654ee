using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Kernel.Protocol;

/// <summary>
/// The Jupyter wire format: a message is the multipart ZeroMQ frames
/// <c>[identities…, "&lt;IDS|MSG&gt;", signature, header, parent_header, metadata, content, buffers…]</c>,
/// each JSON part UTF-8 encoded, the signature an HMAC over the four JSON parts.
/// </summary>
public static class WireFormat
{
    /// <summary>The frame that separates routing identities from the message.</summary>
    public const string DelimiterText = "<IDS|MSG>";

    private static readonly byte[] Delimiter = Encoding.ASCII.GetBytes(DelimiterText);

    // Valid JSON without escaping non-ASCII or HTML characters: outputs are mostly text and HTML, and escaping
    // every '<' of a Plotly chart would make its messages much larger for nothing.
    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>Turns a message into the frames to send, signing it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="signer">The signer for the connection's key.</param>
    /// <returns>The frames, identities first.</returns>
    public static IReadOnlyList<byte[]> Encode(JupyterMessage message, MessageSigner signer)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(signer);
        byte[][] parts =
        [
            Json(message.Header),
            Json(message.ParentHeader),
            Json(message.Metadata),
            Json(message.Content),
        ];
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(parts)));
        frames.AddRange(parts);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>Reads received frames into a message, checking the signature.</summary>
    /// <param name="frames">The frames as received.</param>
    /// <param name="signer">The signer for the connection's key.</param>
    /// <param name="message">The message, when valid.</param>
    /// <param name="error">Why the frames are not a valid message, when they are not.</param>
    /// <returns>Whether the frames are a valid, correctly signed message.</returns>
    public static bool TryDecode(IReadOnlyList<byte[]> frames, MessageSigner signer, out JupyterMessage? message, out string? error)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(signer);
        message = null;
        int delimiter = -1;
        for (int i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                delimiter = i;
                break;
            }
        }

        if (delimiter < 0)
        {
            error = "no <IDS|MSG> delimiter";
            return false;
        }

        if (frames.Count < delimiter + 6)
        {
            error = $"{frames.Count - delimiter - 1} frames after the delimiter; a message has at least 5";
            return false;
        }

        byte[][] parts = [frames[delimiter + 2], frames[delimiter + 3], frames[delimiter + 4], frames[delimiter + 5]];
        string signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        if (!signer.Verify(parts, signature))
        {
            error = "bad signature";
            return false;
        }

        var objects = new JsonObject[4];
        for (int i = 0; i < 4; i++)
        {
            try
            {
                objects[i] = JsonNode.Parse(parts[i]) as JsonObject ?? new JsonObject();
            }
            catch (JsonException json)
            {
                error = $"part {i + 1} is not valid JSON ({json.Message})";
                return false;
            }
        }

        message = new JupyterMessage(
            frames.Take(delimiter).ToArray(),
            objects[0],
            objects[1],
            objects[2],
            objects[3],
            frames.Skip(delimiter + 6).ToArray());
        error = null;
        return true;
    }

    private static byte[] Json(JsonObject json) => Encoding.UTF8.GetBytes(json.ToJsonString(Compact));
}
