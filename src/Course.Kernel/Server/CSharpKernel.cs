using System.Reflection;
using System.Text.Json.Nodes;
using Course.Kernel.Language;
using Course.Kernel.Protocol;
using Course.Notebooks.Execution;
using Course.Notebooks.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OutputKind = Course.Notebooks.Model.OutputKind;

namespace Course.Kernel.Server;

/// <summary>
/// What the kernel does with each request, on the kit's notebook engine: one <see cref="NotebookSession"/> for
/// the kernel's life, exactly as <c>course run</c> uses one per notebook, so cells behave the same in both
/// (relative <c>#r</c> from the working folder, which Jupyter sets to the notebook's, <c>#!time</c>,
/// <c>display</c>, formatters, charts as <c>text/html</c>).
/// </summary>
/// <remarks>
/// Shell requests arrive one at a time on the shell thread; <see cref="Interrupt"/> comes from the control
/// thread or a signal while a cell runs.
/// </remarks>
internal sealed class CSharpKernel : IDisposable
{
    /// <summary>The language name in <c>kernel_info_reply</c>, the same as the kernelspec's <c>language</c>.</summary>
    public const string LanguageName = "C#";

    private readonly Lock _gate = new();
    private readonly string _baseDirectory;
    private readonly ExecutionHistory _history = new();
    private readonly Lazy<Task<NotebookSession>> _session;
    private CancellationTokenSource? _running;
    private int _executionCount;
    private int _warmedUp;

    /// <param name="baseDirectory">The folder relative <c>#r</c> paths start from: the kernel's working folder.</param>
    public CSharpKernel(string baseDirectory)
    {
        _baseDirectory = baseDirectory;
        _session = new Lazy<Task<NotebookSession>>(
            () => Task.Run(() => new NotebookSession(new NotebookSessionOptions { BaseDirectory = _baseDirectory })),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The execution counter (Jupyter's <c>In [n]</c>): only stored, non-silent executions count.</summary>
    public int ExecutionCount => Volatile.Read(ref _executionCount);

    /// <summary>The content of <c>kernel_info_reply</c>.</summary>
    public static JsonObject KernelInfo()
    {
        string version = typeof(CSharpKernel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(CSharpKernel).Assembly.GetName().Version?.ToString() ?? "1.0.0";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        version = plus < 0 ? version : version[..plus];
        return new JsonObject
        {
            ["status"] = "ok",
            ["protocol_version"] = JupyterMessage.ProtocolVersion,
            ["implementation"] = "course-csharp",
            ["implementation_version"] = version,
            ["language_info"] = new JsonObject
            {
                ["name"] = LanguageName,
                ["version"] = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString(),
                ["mimetype"] = "text/x-csharp",
                ["file_extension"] = ".cs",
                ["pygments_lexer"] = "csharp",
                ["codemirror_mode"] = "text/x-csharp",
            },
            ["banner"] = $"C# on the course kit's notebook engine (Roslyn scripting, .NET {Environment.Version})",
            ["help_links"] = new JsonArray(),
            ["debugger"] = false,
        };
    }

    /// <summary>
    /// Starts the engine in the background (creating the session and JIT-compiling Roslyn) so the first cell
    /// does not pay for it; called once the kernel has answered <c>kernel_info_request</c>, so start-up itself is not slowed.
    /// </summary>
    public void WarmUp()
    {
        if (Interlocked.Exchange(ref _warmedUp, 1) != 0)
        {
            return;
        }

        _ = _session.Value.ContinueWith(
            task =>
            {
                if (task.IsCompletedSuccessfully)
                {
                    // Compiled against the session's own references (so their metadata is read once, here) and
                    // emitted, but never run or kept: warming must not change the notebook's state.
                    Compilation warm = task.Result.GetCompilation("var warm = new List<int> { 1 };\nConsole.WriteLine(warm.Sum());\nwarm");
                    using var image = new MemoryStream();
                    _ = warm.Emit(image);
                    _ = SubmissionCompleteness.Check("1");
                    _ = Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(new[] { 1 }, "text/html");
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
    }

    /// <summary>Cancels the running cell, if any (the <c>interrupt_request</c> and SIGINT).</summary>
    /// <returns>Whether a cell was running.</returns>
    public bool Interrupt()
    {
        lock (_gate)
        {
            if (_running is null)
            {
                return false;
            }

            _running.Cancel();
            return true;
        }
    }

    /// <summary>
    /// Runs an <c>execute_request</c>: publishes <c>execute_input</c> and the outputs as they happen, and returns
    /// the <c>execute_reply</c> content.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="publish">Sends an IOPub message (type, content) with the request as parent.</param>
    /// <returns>The reply content; its <c>status</c> is <c>error</c> when the cell failed.</returns>
    public async Task<JsonObject> ExecuteAsync(JupyterMessage request, Action<string, JsonObject> publish)
    {
        string code = request.ContentString("code");
        bool silent = request.ContentBool("silent", false);
        bool store = request.ContentBool("store_history", true) && !silent;
        int count = store ? Interlocked.Increment(ref _executionCount) : ExecutionCount;
        using var cancellation = new CancellationTokenSource();
        using var forwarder = new OutputForwarder(publish, count);
        // The cell can be interrupted from before a client hears it began: an interrupt sent on seeing execute_input
        // found no running cell when a busy machine delayed this thread between the two, and the cell then ran on.
        lock (_gate)
        {
            _running = cancellation;
        }

        int cellNumber = store ? count : count + 1;
        CellExecution result;
        try
        {
            if (!silent)
            {
                publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count });
            }

            // The first cell may wait for the engine to start; an interrupt then cancels the wait (and one that
            // comes before the cell starts, its start).
            NotebookSession session = await _session.Value.WaitAsync(cancellation.Token).ConfigureAwait(false);
            result = await session.ExecuteAsync(
                new CellSubmission(code)
                {
                    CellNumber = cellNumber,
                    OnOutput = silent ? null : forwarder.Forward,
                },
                cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            string message = $"cell {cellNumber} was cancelled";
            Output cancelled = Output.Error("OperationCanceledException", message, [message]);
            if (!silent)
            {
                forwarder.Forward(cancelled);
            }

            return ErrorReply(cancelled, count);
        }
        finally
        {
            lock (_gate)
            {
                _running = null;
            }

            forwarder.Complete();
        }

        if (store)
        {
            _history.Add(count, code, result.Outputs.FirstOrDefault(o => o.Kind == OutputKind.ExecuteResult)?.Data is { } value ? value.Text ?? value.HtmlText : null);
        }

        if (!result.Succeeded)
        {
            Output error = result.Outputs.LastOrDefault(o => o.Kind == OutputKind.Error)
                ?? Output.Error(result.Status.ToString(), result.FailureSummary ?? "the cell failed", [result.FailureSummary ?? "the cell failed"]);
            return ErrorReply(error, count);
        }

        return new JsonObject
        {
            ["status"] = "ok",
            ["execution_count"] = count,
            ["payload"] = new JsonArray(),
            ["user_expressions"] = await UserExpressionsAsync(await _session.Value.ConfigureAwait(false), request.Content["user_expressions"] as JsonObject).ConfigureAwait(false),
        };
    }

    private static JsonObject ErrorReply(Output error, int count)
    {
        JsonObject reply = OutputForwarder.ErrorContent(error);
        reply["status"] = "error";
        reply["execution_count"] = count;
        return reply;
    }

    /// <summary>Answers <c>complete_request</c>: Roslyn member and name completion at the cursor.</summary>
    public async Task<JsonObject> CompleteAsync(JupyterMessage request)
    {
        string code = request.ContentString("code");
        int cursor = CodePoints.ToUtf16(code, request.ContentInt("cursor_pos", code.Length));
        NotebookSession session = await _session.Value.ConfigureAwait(false);
        Compilation compilation = session.GetCompilation(CodePoints.WithoutMagicLines(code));
        CompletionResult result = CodeCompletion.Complete(compilation, cursor);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(result.Matches.Select(match => (JsonNode?)JsonValue.Create(match.Text)).ToArray()),
            ["cursor_start"] = CodePoints.FromUtf16(code, result.Start),
            ["cursor_end"] = CodePoints.FromUtf16(code, result.End),
            ["metadata"] = new JsonObject
            {
                ["_jupyter_types_experimental"] = new JsonArray(result.Matches.Select(match => (JsonNode?)new JsonObject
                {
                    ["start"] = CodePoints.FromUtf16(code, result.Start),
                    ["end"] = CodePoints.FromUtf16(code, result.End),
                    ["text"] = match.Text,
                    ["type"] = match.Kind,
                }).ToArray()),
            },
        };
    }

    /// <summary>Answers <c>inspect_request</c>: the signature of the symbol at the cursor.</summary>
    public async Task<JsonObject> InspectAsync(JupyterMessage request)
    {
        string code = request.ContentString("code");
        int cursor = CodePoints.ToUtf16(code, request.ContentInt("cursor_pos", code.Length));
        NotebookSession session = await _session.Value.ConfigureAwait(false);
        string? description = SymbolInspector.Describe(session.GetCompilation(CodePoints.WithoutMagicLines(code)), cursor);
        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = description is not null,
            ["data"] = description is null ? new JsonObject() : new JsonObject { [MimeBundle.PlainText] = description },
            ["metadata"] = new JsonObject(),
        };
    }

    /// <summary>Answers <c>is_complete_request</c>.</summary>
    public static JsonObject IsComplete(JupyterMessage request)
    {
        CompletenessResult result = SubmissionCompleteness.Check(request.ContentString("code"));
        var reply = new JsonObject { ["status"] = result.Status };
        if (result.Status == SubmissionCompleteness.Incomplete)
        {
            reply["indent"] = result.Indent;
        }

        return reply;
    }

    /// <summary>Answers <c>history_request</c>.</summary>
    public JsonObject History(JupyterMessage request) => new()
    {
        ["status"] = "ok",
        ["history"] = _history.Query(request.Content),
    };

    /// <inheritdoc />
    public void Dispose()
    {
        Interrupt();
        if (_session.IsValueCreated && _session.Value.IsCompletedSuccessfully)
        {
            _session.Value.Result.Dispose();
        }
    }

    /// <summary>Evaluates the request's <c>user_expressions</c> after a successful cell, as the protocol asks.</summary>
    private static async Task<JsonObject> UserExpressionsAsync(NotebookSession session, JsonObject? expressions)
    {
        var results = new JsonObject();
        if (expressions is null)
        {
            return results;
        }

        foreach ((string name, JsonNode? node) in expressions)
        {
            string expression = node is JsonValue value && value.TryGetValue(out string? text) ? text : string.Empty;
            CellExecution evaluated = await session.ExecuteAsync(expression).ConfigureAwait(false);
            if (evaluated.Succeeded)
            {
                Output? result = evaluated.Outputs.FirstOrDefault(o => o.Kind == OutputKind.ExecuteResult);
                results[name] = new JsonObject
                {
                    ["status"] = "ok",
                    ["data"] = OutputForwarder.MimeData(result?.Data ?? MimeBundle.FromText(string.Empty)),
                    ["metadata"] = new JsonObject(),
                };
            }
            else
            {
                JsonObject error = OutputForwarder.ErrorContent(evaluated.Outputs.LastOrDefault(o => o.Kind == OutputKind.Error)
                    ?? Output.Error("Error", evaluated.FailureSummary ?? string.Empty, []));
                error["status"] = "error";
                results[name] = error;
            }
        }

        return results;
    }
}
