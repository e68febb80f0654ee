using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Notebooks.Model;

namespace Course.Kernel.Server;

/// <summary>
/// Turns the engine's outputs into IOPub messages as the cell produces them: console text as <c>stream</c>,
/// <c>display(x)</c> as <c>display_data</c> (with its display id, so <c>handle.Update</c> becomes
/// <c>update_display_data</c>), the trailing value as <c>execute_result</c> and failures as <c>error</c>.
/// </summary>
/// <remarks>
/// Console writes arrive one <c>Write</c> call at a time; a loop printing thousands of lines would otherwise
/// send thousands of messages, so consecutive text on one stream is merged and sent at most every
/// <see cref="FlushInterval"/> (as ipykernel does), and always before any other output and at the end.
/// </remarks>
internal sealed class OutputForwarder : IDisposable
{
    /// <summary>How long console text may wait before it is sent.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);

    private readonly Lock _gate = new();
    private readonly Action<string, JsonObject> _publish;
    private readonly int _executionCount;
    private readonly StringBuilder _pending = new();
    private readonly Timer _timer;
    private string? _pendingStream;
    private bool _timerArmed;
    private bool _completed;

    /// <param name="publish">Sends one IOPub message (type, content).</param>
    /// <param name="executionCount">The kernel's execution count, for <c>execute_result</c>.</param>
    public OutputForwarder(Action<string, JsonObject> publish, int executionCount)
    {
        _publish = publish;
        _executionCount = executionCount;
        _timer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Receives one output from the engine (on whatever thread produced it).</summary>
    public void Forward(Output output)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            if (output.Kind == OutputKind.Stream)
            {
                string name = output.StreamName ?? Output.StandardOutput;
                if (_pendingStream is not null && _pendingStream != name)
                {
                    FlushLocked();
                }

                _pendingStream = name;
                _pending.Append(output.Text);
                if (!_timerArmed)
                {
                    _timerArmed = true;
                    _timer.Change(FlushInterval, Timeout.InfiniteTimeSpan);
                }

                return;
            }

            FlushLocked();
            if (ToMessage(output) is (string type, JsonObject content))
            {
                _publish(type, content);
            }
        }
    }

    /// <summary>Sends any text still waiting; later outputs (from code the cell left running) are dropped.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            FlushLocked();
            _completed = true;
        }
    }

    public void Dispose()
    {
        Complete();
        _timer.Dispose();
    }

    /// <summary>The content of a MIME bundle as Jupyter messages carry it: text as one string, JSON types as JSON.</summary>
    public static JsonObject MimeData(MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (KeyValuePair<string, string> item in bundle)
        {
            JsonNode? value = JsonValue.Create(item.Value);
            if (MimeBundle.IsJsonMimeType(item.Key))
            {
                try
                {
                    value = JsonNode.Parse(item.Value);
                }
                catch (JsonException)
                {
                    // Not JSON after all: send it as text.
                }
            }

            data[item.Key] = value;
        }

        return data;
    }

    private (string Type, JsonObject Content)? ToMessage(Output output)
    {
        switch (output.Kind)
        {
            case OutputKind.DisplayData:
            case OutputKind.UpdateDisplayData:
                var display = new JsonObject
                {
                    ["data"] = MimeData(output.Data ?? MimeBundle.FromText(string.Empty)),
                    ["metadata"] = Metadata(output),
                };
                if (output.DisplayId is string id)
                {
                    display["transient"] = new JsonObject { ["display_id"] = id };
                }
                else if (output.Kind == OutputKind.UpdateDisplayData)
                {
                    return null;
                }

                return (output.Kind == OutputKind.DisplayData ? "display_data" : "update_display_data", display);
            case OutputKind.ExecuteResult:
                return ("execute_result", new JsonObject
                {
                    ["execution_count"] = _executionCount,
                    ["data"] = MimeData(output.Data ?? MimeBundle.FromText(string.Empty)),
                    ["metadata"] = Metadata(output),
                });
            case OutputKind.Error:
                return ("error", ErrorContent(output));
            default:
                return null;
        }
    }

    /// <summary>An error output as Jupyter's <c>ename</c>, <c>evalue</c> and <c>traceback</c>.</summary>
    public static JsonObject ErrorContent(Output error) => new()
    {
        ["ename"] = error.ErrorName ?? "Error",
        ["evalue"] = error.ErrorValue ?? string.Empty,
        ["traceback"] = new JsonArray(error.Traceback.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
    };

    private static JsonObject Metadata(Output output) =>
        output.ToJson()["metadata"] is JsonObject metadata ? (JsonObject)metadata.DeepClone() : new JsonObject();

    private void Flush()
    {
        lock (_gate)
        {
            if (!_completed)
            {
                FlushLocked();
            }
        }
    }

    private void FlushLocked()
    {
        _timerArmed = false;
        if (_pendingStream is null || _pending.Length == 0)
        {
            _pendingStream = null;
            return;
        }

        _publish("stream", new JsonObject { ["name"] = _pendingStream, ["text"] = _pending.ToString() });
        _pending.Clear();
        _pendingStream = null;
    }
}
