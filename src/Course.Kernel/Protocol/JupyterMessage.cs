using System.Globalization;
using System.Text.Json.Nodes;

namespace Course.Kernel.Protocol;

/// <summary>
/// One Jupyter message: the routing identities it came with, then header, parent header, metadata and
/// content (JSON objects) and any binary buffers. See <see cref="WireFormat"/> for how it travels.
/// </summary>
public sealed class JupyterMessage
{
    /// <summary>The protocol version this kernel speaks, written in every header.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>Creates a message from its parts.</summary>
    /// <param name="identities">The ZeroMQ routing identities (replies go back with the request's).</param>
    /// <param name="header">The header: <c>msg_id</c>, <c>session</c>, <c>username</c>, <c>date</c>, <c>msg_type</c>, <c>version</c>.</param>
    /// <param name="parentHeader">The header of the request this message answers; empty for none.</param>
    /// <param name="metadata">The metadata object.</param>
    /// <param name="content">The content object.</param>
    /// <param name="buffers">Extra binary frames (rare).</param>
    public JupyterMessage(
        IReadOnlyList<byte[]> identities,
        JsonObject header,
        JsonObject parentHeader,
        JsonObject metadata,
        JsonObject content,
        IReadOnlyList<byte[]>? buffers = null)
    {
        ArgumentNullException.ThrowIfNull(identities);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(parentHeader);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(content);
        Identities = identities;
        Header = header;
        ParentHeader = parentHeader;
        Metadata = metadata;
        Content = content;
        Buffers = buffers ?? [];
    }

    /// <summary>The ZeroMQ routing identities, in order.</summary>
    public IReadOnlyList<byte[]> Identities { get; }

    /// <summary>The header.</summary>
    public JsonObject Header { get; }

    /// <summary>The parent header (the request this message answers), or an empty object.</summary>
    public JsonObject ParentHeader { get; }

    /// <summary>The metadata.</summary>
    public JsonObject Metadata { get; }

    /// <summary>The content.</summary>
    public JsonObject Content { get; }

    /// <summary>Binary buffers after the content frame.</summary>
    public IReadOnlyList<byte[]> Buffers { get; }

    /// <summary>The header's <c>msg_type</c>, e.g. <c>execute_request</c>; empty when missing.</summary>
    public string MessageType => Text(Header, "msg_type");

    /// <summary>The header's <c>msg_id</c>; empty when missing.</summary>
    public string MessageId => Text(Header, "msg_id");

    /// <summary>The header's <c>session</c>; empty when missing.</summary>
    public string Session => Text(Header, "session");

    /// <summary>Creates a message this kernel sends.</summary>
    /// <param name="messageType">The message type, e.g. <c>execute_reply</c> or <c>stream</c>.</param>
    /// <param name="content">The content.</param>
    /// <param name="session">The kernel's session id.</param>
    /// <param name="parent">The request it answers or was caused by; null for none.</param>
    /// <param name="identities">Where it goes: a request's identities for a reply, a topic for IOPub.</param>
    /// <param name="metadata">The metadata; null for an empty object.</param>
    /// <returns>The message.</returns>
    public static JupyterMessage Create(
        string messageType,
        JsonObject content,
        string session,
        JupyterMessage? parent,
        IReadOnlyList<byte[]> identities,
        JsonObject? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        ArgumentNullException.ThrowIfNull(session);
        var header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["session"] = session,
            ["username"] = "kernel",
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["msg_type"] = messageType,
            ["version"] = ProtocolVersion,
        };
        JsonObject parentHeader = parent is null ? new JsonObject() : (JsonObject)parent.Header.DeepClone();
        return new JupyterMessage(identities, header, parentHeader, metadata ?? new JsonObject(), content);
    }

    /// <summary>A string field of the content, or a default when it is missing or not a string.</summary>
    /// <param name="name">The field.</param>
    /// <param name="fallback">What to return otherwise.</param>
    /// <returns>The value.</returns>
    public string ContentString(string name, string fallback = "") =>
        Content[name] is JsonValue value && value.TryGetValue(out string? text) ? text : fallback;

    /// <summary>A Boolean field of the content, or a default when it is missing or not a Boolean.</summary>
    /// <param name="name">The field.</param>
    /// <param name="fallback">What to return otherwise.</param>
    /// <returns>The value.</returns>
    public bool ContentBool(string name, bool fallback) =>
        Content[name] is JsonValue value && value.TryGetValue(out bool flag) ? flag : fallback;

    /// <summary>An integer field of the content, or a default when it is missing or not an integer.</summary>
    /// <param name="name">The field.</param>
    /// <param name="fallback">What to return otherwise.</param>
    /// <returns>The value.</returns>
    public int ContentInt(string name, int fallback)
    {
        if (Content[name] is not JsonValue value)
        {
            return fallback;
        }

        if (value.TryGetValue(out int number))
        {
            return number;
        }

        return value.TryGetValue(out double real) && real is >= int.MinValue and <= int.MaxValue ? (int)real : fallback;
    }

    private static string Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue(out string? text) ? text : string.Empty;
}
