using Course.Kernel.Protocol;

namespace Course.Kernel.Tests.Protocol;

public sealed class ConnectionInfoTests
{
    private const string JupyterWrites = """
        {
          "shell_port": 53794, "iopub_port": 53795, "stdin_port": 53796, "control_port": 53797, "hb_port": 53798,
          "ip": "127.0.0.1", "key": "a0436f6c-1916-498b-8eb9-e81ab9368e84", "transport": "tcp",
          "signature_scheme": "hmac-sha256", "kernel_name": ".net-csharp"
        }
        """;

    [Fact]
    public void A_connection_file_as_jupyter_writes_it_is_read()
    {
        ConnectionInfo info = ConnectionInfo.Parse(JupyterWrites);

        Assert.Equal(53794, info.ShellPort);
        Assert.Equal(53795, info.IOPubPort);
        Assert.Equal(53796, info.StdinPort);
        Assert.Equal(53797, info.ControlPort);
        Assert.Equal(53798, info.HeartbeatPort);
        Assert.Equal("a0436f6c-1916-498b-8eb9-e81ab9368e84", info.Key);
        Assert.Equal(".net-csharp", info.KernelName);
        Assert.Equal("tcp://127.0.0.1:53797", info.Endpoint(info.ControlPort));
    }

    [Fact]
    public void Binding_every_interface_uses_a_wildcard_endpoint()
    {
        ConnectionInfo info = ConnectionInfo.Parse(JupyterWrites.Replace("127.0.0.1", "0.0.0.0", StringComparison.Ordinal));

        Assert.Equal("tcp://*:53794", info.Endpoint(info.ShellPort));
    }

    [Theory]
    [InlineData("\"transport\": \"tcp\"", "\"transport\": \"ipc\"", "transport 'ipc' is not supported")]
    [InlineData("\"signature_scheme\": \"hmac-sha256\"", "\"signature_scheme\": \"hmac-md5\"", "signature scheme 'hmac-md5' is not supported")]
    [InlineData("\"hb_port\": 53798", "\"hb_port\": \"x\"", "'hb_port' must be a port number")]
    [InlineData("\"hb_port\": 53798", "\"hb_port\": 70000", "'hb_port' must be a port number")]
    [InlineData("{", "[", "a connection file is a JSON object")]
    public void A_bad_connection_file_is_refused_with_the_reason(string replace, string with, string reason)
    {
        string json = JupyterWrites.Replace(replace, with, StringComparison.Ordinal);
        if (with == "[")
        {
            json = "[1]";
        }

        var error = Assert.Throws<FormatException>(() => ConnectionInfo.Parse(json));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_names_the_file_in_errors()
    {
        using var folder = new TempFolder();
        string path = folder.File("kernel-1.json");
        File.WriteAllText(path, "{ not json");

        var error = Assert.Throws<FormatException>(() => ConnectionInfo.Load(path));

        Assert.StartsWith(path + ": not valid JSON", error.Message, StringComparison.Ordinal);
    }
}
