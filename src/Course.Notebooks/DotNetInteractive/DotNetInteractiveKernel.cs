using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Notebooks.Model;

namespace Course.Notebooks.DotNetInteractive;

/// <summary>
/// The real .NET Interactive C# kernel in a process of its own (<c>dotnet-interactive stdio</c>): the kernel the
/// tool builds for Jupyter and VS Code, driven over its JSON command-and-event protocol. The kit uses it to
/// check notebooks against what students will see (<c>course validate --kernel dotnet-interactive</c>) and to
/// prove that its own engine behaves alike (the parity tests).
/// </summary>
/// <remarks>
/// <para>A process rather than the packages in this one: the real kernel brings its own Roslyn, FSharp.Core and
/// formatter state, and a notebook must meet exactly those, not the kit's.</para>
/// <para>Events become nbformat outputs by the rules of the tool's Jupyter front end (its
/// <c>ExecuteRequestHandler</c>): console text as streams, compiler diagnostics as one <c>stderr</c> stream,
/// displays and the cell's value with the MIME types the kernel formatted, and a failure as an <c>error</c>
/// named <c>Error</c> whose value is <c>compilation error</c> when the cell did not compile.</para>
/// </remarks>
public sealed class DotNetInteractiveKernel : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _reader;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly StringBuilder _stderrTail = new();
    private PendingCell? _pending;
    private int _nextToken;

    private DotNetInteractiveKernel(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => KeepStandardError(e.Data);
        _process.BeginErrorReadLine();
        _reader = Task.Run(ReadEventsAsync);
    }

    /// <summary>Starts the kernel with <paramref name="workingDirectory"/> as its current folder (relative <c>#r</c> paths start there, as in Jupyter).</summary>
    /// <param name="workingDirectory">The notebook's folder.</param>
    /// <param name="toolPath">The tool's executable; null to find it (<see cref="DotNetInteractiveTool.Find"/>).</param>
    /// <param name="startTimeout">How long the kernel may take to say it is ready; null for two minutes.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The ready kernel.</returns>
    /// <exception cref="DirectoryNotFoundException"><paramref name="workingDirectory"/> does not exist.</exception>
    /// <exception cref="InvalidOperationException">The kernel exited or did not become ready; the message holds what it printed.</exception>
    public static async Task<DotNetInteractiveKernel> StartAsync(
        string workingDirectory, string? toolPath = null, TimeSpan? startTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);
        string folder = Path.GetFullPath(workingDirectory);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Cannot start the .NET Interactive kernel in '{folder}': no such folder.");
        }

        var start = new ProcessStartInfo(toolPath ?? DotNetInteractiveTool.Find())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (string argument in new[] { "stdio", "--default-kernel", "csharp", "--working-dir", folder })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_INTERACTIVE_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        var kernel = new DotNetInteractiveKernel(Process.Start(start)!);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(startTimeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await kernel._ready.Task.WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await kernel.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"The .NET Interactive kernel did not become ready within {(startTimeout ?? TimeSpan.FromMinutes(2)).TotalSeconds:0} s. It printed: {kernel.StandardErrorTail()}");
        }

        return kernel;
    }

    /// <summary>Runs <paramref name="code"/> as the next cell.</summary>
    /// <param name="code">The cell's text, magic commands included.</param>
    /// <param name="timeout">How long the cell may run; past it the kernel is stopped and this throws.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>What the kernel did.</returns>
    /// <exception cref="TimeoutException">The cell did not finish in time (the kernel is no longer usable).</exception>
    /// <exception cref="InvalidOperationException">The kernel has exited, or another cell is running.</exception>
    public async Task<DotNetInteractiveCell> SubmitAsync(string code, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        string token = $"course-{Interlocked.Increment(ref _nextToken)}";
        var pending = new PendingCell(token);
        lock (_gate)
        {
            if (_pending is not null)
            {
                throw new InvalidOperationException("A cell is already running in this kernel; submit cells one at a time.");
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The .NET Interactive kernel has exited (code {_process.ExitCode}). It printed: {StandardErrorTail()}");
            }

            _pending = pending;
        }

        var command = new JsonObject
        {
            ["token"] = token,
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = "csharp" },
        };
        await _process.StandardInput.WriteLineAsync(command.ToJsonString()).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await pending.Done.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Kill();
            throw new TimeoutException($"The .NET Interactive kernel did not finish the cell within {timeout.TotalSeconds:0} s and was stopped.");
        }
        finally
        {
            lock (_gate)
            {
                _pending = null;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await _reader.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or IOException or ObjectDisposedException)
        {
            // The process is gone; a reader that cannot finish has nothing left to deliver.
        }

        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private async Task ReadEventsAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            JsonObject? message;
            try
            {
                message = JsonNode.Parse(line) as JsonObject;
            }
            catch (JsonException)
            {
                continue; // log lines are not events
            }

            if (message?["eventType"]?.GetValue<string>() is not { } type)
            {
                continue;
            }

            if (type == "KernelReady")
            {
                _ready.TrySetResult();
                continue;
            }

            PendingCell? pending;
            lock (_gate)
            {
                pending = _pending;
            }

            string? token = message["command"]?["token"]?.GetValue<string>();
            if (pending is not null && token is not null && (token == pending.Token || token.StartsWith(pending.Token + ".", StringComparison.Ordinal)))
            {
                pending.Accept(type, message["event"] as JsonObject ?? [], isRoot: token == pending.Token);
            }
        }

        _ready.TrySetException(new InvalidOperationException($"The .NET Interactive kernel exited before it was ready. It printed: {StandardErrorTail()}"));
        lock (_gate)
        {
            _pending?.Done.TrySetException(new InvalidOperationException($"The .NET Interactive kernel exited during the cell. It printed: {StandardErrorTail()}"));
        }
    }

    private void KeepStandardError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderrTail)
        {
            _stderrTail.AppendLine(line);
            if (_stderrTail.Length > 8_000)
            {
                _stderrTail.Remove(0, _stderrTail.Length - 4_000);
            }
        }
    }

    private string StandardErrorTail()
    {
        lock (_stderrTail)
        {
            return _stderrTail.Length == 0 ? "(nothing)" : _stderrTail.ToString().Trim();
        }
    }

    /// <summary>The events of one cell, turned into outputs as they arrive.</summary>
    private sealed class PendingCell(string token)
    {
        private readonly List<Output> _outputs = [];
        private readonly Dictionary<string, int> _displays = new(StringComparer.Ordinal);
        private bool _errorDiagnostics;

        public string Token { get; } = token;

        public TaskCompletionSource<DotNetInteractiveCell> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Accept(string type, JsonObject e, bool isRoot)
        {
            switch (type)
            {
                case "StandardOutputValueProduced":
                    AddStream(Output.StandardOutput, PlainText(e));
                    break;
                case "StandardErrorValueProduced" or "ErrorProduced":
                    AddStream(Output.StandardError, PlainText(e));
                    break;
                case "DisplayedValueProduced":
                    if (e["valueId"]?.GetValue<string>() is { } id)
                    {
                        _displays[id] = _outputs.Count;
                    }

                    _outputs.Add(Output.DisplayData(Bundle(e)));
                    break;
                case "DisplayedValueUpdated":
                    if (e["valueId"]?.GetValue<string>() is { } updated && _displays.TryGetValue(updated, out int index))
                    {
                        _outputs[index] = Output.DisplayData(Bundle(e));
                    }

                    break;
                case "ReturnValueProduced":
                    _outputs.Add(Output.ExecuteResult(0, Bundle(e)));
                    break;
                case "DiagnosticsProduced":
                    var formatted = (e["formattedDiagnostics"] as JsonArray ?? []).Select(d => d?["value"]?.GetValue<string>() ?? string.Empty).ToArray();
                    if (formatted.Length > 0)
                    {
                        AddStream(Output.StandardError, "\n" + string.Join("\n\n", formatted) + "\n\n");
                    }

                    _errorDiagnostics |= (e["diagnostics"] as JsonArray ?? []).Any(d => d?["severity"]?.GetValue<string>() == "error");
                    break;
                case "CommandSucceeded" when isRoot:
                    Done.TrySetResult(new DotNetInteractiveCell(DotNetInteractiveOutcome.Succeeded, _outputs, null));
                    break;
                case "CommandFailed" when isRoot:
                    string message = e["message"]?.GetValue<string>() ?? string.Empty;
                    // The front end names a compilation failure only by its exception type, which the protocol does
                    // not carry: the kernel reported error diagnostics, or refused a magic command (DNI1xx).
                    bool compile = _errorDiagnostics || message.Contains(": error DNI", StringComparison.Ordinal);
                    _outputs.Add(compile && _errorDiagnostics
                        ? Output.Error("Error", "compilation error", [])
                        : Output.Error("Error", message, message.Split('\n').Select(l => l.TrimEnd('\r'))));
                    Done.TrySetResult(new DotNetInteractiveCell(compile ? DotNetInteractiveOutcome.CompilationFailed : DotNetInteractiveOutcome.Threw, _outputs, message));
                    break;
            }
        }

        private void AddStream(string name, string text)
        {
            // Consecutive writes to one stream are one output, as Jupyter clients save them.
            if (_outputs.Count > 0 && _outputs[^1].StreamName == name)
            {
                _outputs[^1] = Output.Stream(name, _outputs[^1].Text + text);
            }
            else if (text.Length > 0)
            {
                _outputs.Add(Output.Stream(name, text));
            }
        }

        private static string PlainText(JsonObject e) =>
            (e["formattedValues"] as JsonArray ?? [])
                .FirstOrDefault(v => v?["mimeType"]?.GetValue<string>() == MimeBundle.PlainText)?["value"]?.GetValue<string>()
            ?? string.Empty;

        private static MimeBundle Bundle(JsonObject e) =>
            new((e["formattedValues"] as JsonArray ?? [])
                .Where(v => v?["mimeType"] is not null)
                .Select(v => new KeyValuePair<string, string>(v!["mimeType"]!.GetValue<string>(), v["value"]?.GetValue<string>() ?? string.Empty)));
    }
}
