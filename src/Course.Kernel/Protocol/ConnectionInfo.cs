using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Kernel.Protocol;

/// <summary>
/// The connection file Jupyter writes before it starts a kernel (<c>kernel-1234.json</c>): where to bind
/// the five sockets and the key that signs every message.
/// </summary>
/// <remarks>
/// Only the <c>tcp</c> transport is supported (NetMQ's <c>ipc</c> is not the Unix-socket transport
/// Jupyter means), and only <c>hmac-sha256</c> signatures, which is what every Jupyter client writes.
/// </remarks>
public sealed class ConnectionInfo
{
    /// <summary>The only signature scheme the kernel accepts.</summary>
    public const string HmacSha256 = "hmac-sha256";

    /// <summary>The transport, always <c>tcp</c>.</summary>
    public required string Transport { get; init; }

    /// <summary>The address to bind, e.g. <c>127.0.0.1</c>.</summary>
    public required string IP { get; init; }

    /// <summary>The port of the shell channel (requests such as execute and complete).</summary>
    public required int ShellPort { get; init; }

    /// <summary>The port of the IOPub channel (outputs and status broadcast to every front end).</summary>
    public required int IOPubPort { get; init; }

    /// <summary>The port of the stdin channel (input requests; this kernel makes none).</summary>
    public required int StdinPort { get; init; }

    /// <summary>The port of the control channel (interrupt, shutdown), served while a cell runs.</summary>
    public required int ControlPort { get; init; }

    /// <summary>The port of the heartbeat, which echoes whatever it receives.</summary>
    public required int HeartbeatPort { get; init; }

    /// <summary>The HMAC key; empty means messages are not signed.</summary>
    public required string Key { get; init; }

    /// <summary>The signature scheme, <c>hmac-sha256</c>.</summary>
    public string SignatureScheme { get; init; } = HmacSha256;

    /// <summary>The kernel name the client started, when it wrote one.</summary>
    public string? KernelName { get; init; }

    /// <summary>Reads a connection file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The connection information.</returns>
    /// <exception cref="FormatException">The file is not a valid connection file; the message says why.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ConnectionInfo Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text = File.ReadAllText(path);
        try
        {
            return Parse(text);
        }
        catch (FormatException error)
        {
            throw new FormatException($"{path}: {error.Message}", error);
        }
    }

    /// <summary>Parses the JSON of a connection file.</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The connection information.</returns>
    /// <exception cref="FormatException">A field is missing or has the wrong type, or the transport or scheme is unsupported.</exception>
    public static ConnectionInfo Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("a connection file is a JSON object");
        }
        catch (JsonException error)
        {
            throw new FormatException($"not valid JSON ({error.Message})", error);
        }

        string transport = String(root, "transport", "tcp");
        if (transport != "tcp")
        {
            throw new FormatException($"transport '{transport}' is not supported; this kernel speaks tcp only");
        }

        string key = String(root, "key", string.Empty);
        string scheme = String(root, "signature_scheme", HmacSha256);
        if (key.Length > 0 && scheme != HmacSha256)
        {
            throw new FormatException($"signature scheme '{scheme}' is not supported; this kernel signs with {HmacSha256}");
        }

        return new ConnectionInfo
        {
            Transport = transport,
            IP = String(root, "ip", "127.0.0.1"),
            ShellPort = Port(root, "shell_port"),
            IOPubPort = Port(root, "iopub_port"),
            StdinPort = Port(root, "stdin_port"),
            ControlPort = Port(root, "control_port"),
            HeartbeatPort = Port(root, "hb_port"),
            Key = key,
            SignatureScheme = scheme,
            KernelName = root["kernel_name"] is JsonValue name && name.TryGetValue(out string? kernelName) ? kernelName : null,
        };
    }

    /// <summary>The ZeroMQ endpoint of one of the ports, e.g. <c>tcp://127.0.0.1:5555</c>.</summary>
    /// <param name="port">The port.</param>
    /// <returns>The endpoint to bind.</returns>
    public string Endpoint(int port)
    {
        string host = IP is "0.0.0.0" or "" ? "*" : IP;
        return $"{Transport}://{host}:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string String(JsonObject root, string name, string fallback) =>
        root[name] switch
        {
            null => fallback,
            JsonValue value when value.TryGetValue(out string? text) => text,
            _ => throw new FormatException($"'{name}' must be a string"),
        };

    private static int Port(JsonObject root, string name)
    {
        if (root[name] is JsonValue value && value.TryGetValue(out int port) && port is > 0 and < 65536)
        {
            return port;
        }

        throw new FormatException($"'{name}' must be a port number between 1 and 65535");
    }
}
