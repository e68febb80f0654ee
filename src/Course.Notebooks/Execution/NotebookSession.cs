using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Course.Notebooks.Execution.Console;
using Course.Notebooks.Execution.Display;
using Course.Notebooks.Execution.Magic;
using Course.Notebooks.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace Course.Notebooks.Execution;

/// <summary>
/// A running C# notebook: each <see cref="ExecuteAsync(CellSubmission, CancellationToken)"/> compiles a cell
/// as a continuation of the previous ones (Roslyn scripting, as in the .NET Interactive C# kernel), so
/// variables, methods and types carry over from cell to cell. The CLI, the autograder and a Jupyter kernel
/// all drive notebooks through this class.
/// </summary>
/// <remarks>
/// <para>Cells run one at a time, each on its own thread; console output and <c>display(x)</c> are captured
/// per cell even when several sessions run in one process.</para>
/// <para>A cell that exceeds its timeout is abandoned, not killed: .NET cannot stop a thread, so its code keeps
/// running in the background until the process ends. Hosts that run untrusted notebooks (the autograder)
/// should use one process per notebook.</para>
/// </remarks>
public sealed class NotebookSession : IDisposable
{
    private const int CellThreadStackSize = 16 * 1024 * 1024;

    private readonly NotebookSessionOptions _options;
    private readonly CellPreprocessor _preprocessor;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, int> _cellsByPath = new(StringComparer.Ordinal);
    private ScriptOptions _scriptOptions;
    private ScriptState<object>? _state;
    private int _executionCount;
    private bool _disposed;

    /// <summary>Starts a session with no state.</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    public NotebookSession(NotebookSessionOptions? options = null)
    {
        _options = options ?? new NotebookSessionOptions();
        BaseDirectory = Path.GetFullPath(_options.BaseDirectory);
        Globals = new NotebookGlobals();
        ValueFormatter.EnsureConfigured();
        _preprocessor = new CellPreprocessor(BaseDirectory, new NuGetPackageCache(_options.NuGetPackageFolder));
        // The real kernel's script options (its CSharpKernel constructor): Roslyn's defaults (references by name,
        // Debug code, unsafe allowed), the latest language version, its imports and its few references. Only
        // the debug information differs, so that stack traces can name the cell and line. References are given as
        // loaded assemblies, as the kernel gives them: Roslyn then also resolves what they were built against, so a
        // cell sees the same framework (System.Numerics.Complex compiles in both, not with file references).
        // Each session creates its own references. Sharing MetadataReference instances between sessions was
        // tried: when another session compiled against a different set (e.g. after #r) at the same time, a
        // later cell could bind to other symbols for the same core types than its earlier cells did
        // ("'int[]' does not contain a definition for 'Sum'"). See Concurrent_sessions_with_different_references_stay_consistent.
        _scriptOptions = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithImports(_options.Imports)
            .AddReferences(DefaultReferences)
            .AddReferences(_options.References)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(BaseDirectory))
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, BaseDirectory))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);
    }

    /// <summary>The folder relative <c>#r</c> paths start from.</summary>
    public string BaseDirectory { get; }

    /// <summary>The object whose members cells see as globals (<c>display</c>, <c>HTML</c>).</summary>
    public NotebookGlobals Globals { get; }

    /// <summary>How many cells this session has run (Jupyter's execution counter).</summary>
    public int ExecutionCount => Volatile.Read(ref _executionCount);

    /// <summary>The names of the variables the cells have defined so far, in declaration order.</summary>
    public IReadOnlyList<string> VariableNames =>
        _state?.Variables.Select(variable => variable.Name).Distinct().ToArray() ?? [];

    /// <summary>The current value of a variable defined by a cell.</summary>
    /// <param name="name">The variable name.</param>
    /// <param name="value">Its value when it exists.</param>
    /// <returns>Whether a cell defined it.</returns>
    public bool TryGetVariable(string name, out object? value)
    {
        ScriptVariable? variable = _state?.GetVariable(name);
        value = variable?.Value;
        return variable is not null;
    }

    /// <summary>Runs code as the next cell.</summary>
    /// <param name="code">The cell's text.</param>
    /// <param name="cancellationToken">Cancels the cell (reported as <see cref="ExecutionStatus.Cancelled"/>).</param>
    /// <returns>The outcome and outputs.</returns>
    public Task<CellExecution> ExecuteAsync(string code, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new CellSubmission(code), cancellationToken);

    /// <summary>Runs a cell. Never throws for problems in the cell's code: they are reported in the result.</summary>
    /// <param name="submission">The code and how to report on it.</param>
    /// <param name="cancellationToken">Cancels the cell (reported as <see cref="ExecutionStatus.Cancelled"/>).</param>
    /// <returns>The outcome and outputs.</returns>
    public async Task<CellExecution> ExecuteAsync(CellSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ExecuteExclusiveAsync(submission, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Compiles code as the next cell would see it, without running it. This is the seam for editor
    /// services such as member completion and hover: the compilation's semantic model knows every variable
    /// and type the earlier cells defined.
    /// </summary>
    /// <param name="code">The code of the cell being edited.</param>
    /// <returns>The Roslyn compilation of that cell.</returns>
    public Compilation GetCompilation(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return CreateScript(code, _scriptOptions).GetCompilation();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _gate.Dispose();
        }
    }

    private async Task<CellExecution> ExecuteExclusiveAsync(CellSubmission submission, CancellationToken cancellationToken)
    {
        Stopwatch clock = Stopwatch.StartNew();
        int count = Interlocked.Increment(ref _executionCount);
        int cellNumber = submission.CellNumber ?? count;

        using var cellCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var context = new CellExecutionContext(count, submission.OnOutput, cellCancellation.Token);
        ConsoleRouter.EnsureInstalled();

        PreparedCell prepared = _preprocessor.Prepare(submission.Code);
        if (prepared.Errors.Count > 0)
        {
            return MagicFailed(context, count, cellNumber, prepared.Errors, clock);
        }

        if (prepared.References.Count > 0)
        {
            _scriptOptions = _scriptOptions.AddReferences(prepared.References);
            foreach (var reference in prepared.References.OfType<PortableExecutableReference>())
            {
                if (reference.FilePath is { } path)
                {
                    DefaultContextLoader.LoadWithNeighbours(path);
                }
            }
        }

        if (string.IsNullOrWhiteSpace(prepared.Code))
        {
            return Finish(context, count, cellNumber, ExecutionStatus.Succeeded, clock, prepared.MeasureTime);
        }

        string cellPath = Path.Combine(BaseDirectory, $"cell{cellNumber}.csx");
        _cellsByPath[cellPath] = cellNumber;
        Script<object> script = CreateScript(prepared.Code, _scriptOptions.WithFilePath(cellPath));

        // The timeout is for the student's code, so it starts after compilation (which on a cold, busy
        // machine can take seconds for the first cell); only the caller can cancel a compilation.
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            diagnostics = script.Compile(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Stopped(context, count, cellNumber, cancelled: true, clock, measureTime: false);
        }

        // A compilation interrupted part-way may come back with errors of its own instead of throwing (seen once on
        // a cold CI machine: an interrupt reported as a compile error): interrupted is what the cell was.
        if (cancellationToken.IsCancellationRequested)
        {
            return Stopped(context, count, cellNumber, cancelled: true, clock, measureTime: false);
        }

        if (diagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
        {
            return CompilationFailed(context, count, cellNumber, prepared, diagnostics, clock);
        }

        if (_options.CellTimeout != Timeout.InfiniteTimeSpan)
        {
            cellCancellation.CancelAfter(_options.CellTimeout);
        }

        Task<ScriptState<object>> run = StartOnOwnThread(script, context, cellCancellation.Token);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cellCancellation.Token.Register(() => stopped.TrySetResult()).ConfigureAwait(false))
        {
            await Task.WhenAny(run, stopped.Task).ConfigureAwait(false);
        }

        // Stopped: still running, or ended because of the cancellation (a cell awaiting the token ends with
        // an OperationCanceledException, which the script state records rather than throws).
        if (!run.IsCompleted
            || (cellCancellation.IsCancellationRequested && (!run.IsCompletedSuccessfully || run.Result.Exception is OperationCanceledException)))
        {
            return Stopped(context, count, cellNumber, cancellationToken.IsCancellationRequested, clock, prepared.MeasureTime);
        }

        if (run.IsFaulted)
        {
            // Not an exception thrown by the cell (those are caught into the state) but one from loading it,
            // e.g. a #r target that is not a .NET assembly.
            return Threw(context, count, cellNumber, run.Exception!.GetBaseException(), clock, prepared.MeasureTime);
        }

        ScriptState<object> state = run.Result;
        _state = state;
        // As the real kernel, after the cell's own output: its compiler warnings, on stderr.
        ReportDiagnostics(context, prepared, script.GetCompilation().GetDiagnostics());
        if (state.Exception is Exception thrown)
        {
            return Threw(context, count, cellNumber, thrown, clock, prepared.MeasureTime);
        }

        bool hasValue = HasReturnValue(script);
        if (hasValue)
        {
            context.Add(Output.ExecuteResult(count, ValueFormatter.Format(state.ReturnValue)));
        }

        return Finish(context, count, cellNumber, ExecutionStatus.Succeeded, clock, prepared.MeasureTime) with
        {
            HasReturnValue = hasValue,
            ReturnValue = hasValue ? state.ReturnValue : null,
        };
    }

    private Script<object> CreateScript(string code, ScriptOptions options) =>
        _state is null
            ? CSharpScript.Create(code, options, typeof(NotebookGlobals))
            : _state.Script.ContinueWith(code, options);

    /// <summary>
    /// Runs the cell on a thread of its own: a cell that never returns then costs one abandoned thread, not a
    /// thread-pool thread (of which a 2-core machine has few), and deep recursion gets a generous stack.
    /// </summary>
    private Task<ScriptState<object>> StartOnOwnThread(Script<object> script, CellExecutionContext context, CancellationToken token)
    {
        var started = new TaskCompletionSource<Task<ScriptState<object>>>(TaskCreationOptions.RunContinuationsAsynchronously);
        ScriptState<object>? previous = _state;
        var thread = new Thread(
            () =>
            {
                CellExecutionContext.Current = context;
                try
                {
                    started.SetResult(previous is null
                        ? script.RunAsync(Globals, _ => true, token)
                        : script.RunFromAsync(previous, _ => true, token));
                }
                catch (Exception error)
                {
                    started.SetException(error);
                }
            },
            CellThreadStackSize)
        {
            IsBackground = true,
            Name = $"notebook cell {context.ExecutionCount}",
        };
        thread.Start();
        return started.Task.Unwrap();
    }

    /// <summary>
    /// Whether the cell ends in an expression with a value and no semicolon (<c>x + 1</c>, even <c>null</c>),
    /// which Jupyter shows as the cell's result: Roslyn's own answer, which the real kernel reads the same way
    /// (the method is internal to Roslyn scripting, so both call it by reflection).
    /// </summary>
    private static bool HasReturnValue(Script script) => (bool)HasReturnValueMethod.Invoke(script, null)!;

    private static readonly MethodInfo HasReturnValueMethod =
        typeof(Script).GetMethod("HasReturnValue", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new MissingMethodException("Microsoft.CodeAnalysis.Scripting.Script.HasReturnValue is gone: the Roslyn version differs from the real kernel's (5.0.0).");

    private static CellDiagnostic ToCellDiagnostic(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        return new CellDiagnostic(
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            diagnostic.Id,
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A cell that did not compile shows what the real kernel shows: the compiler's errors on stderr, in its words
    /// and with its line numbers, then an error named <c>Error</c> whose value is <c>compilation error</c>. The
    /// result keeps the errors with the cell's own line numbers, for reports that name cell and line.
    /// </summary>
    private CellExecution CompilationFailed(
        CellExecutionContext context, int count, int cellNumber, PreparedCell prepared, ImmutableArray<Diagnostic> diagnostics, Stopwatch clock)
    {
        Diagnostic[] errors = diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();
        ReportDiagnostics(context, prepared, errors);
        context.Add(Output.Error("Error", "compilation error", []));
        return Failed(context, count, cellNumber, errors.Select(ToCellDiagnostic).Select(Explain).ToArray(), clock);
    }

    /// <summary>
    /// The compiler's error for a <c>#r</c> file that is not there names the path as written; the report also
    /// says where the engine looked, since relative paths start at the notebook's folder.
    /// </summary>
    private CellDiagnostic Explain(CellDiagnostic diagnostic)
    {
        const string MissingMetadataFile = "CS0006";
        if (diagnostic.Id != MissingMetadataFile || diagnostic.Message.Split('\'') is not [_, { Length: > 0 } path, ..])
        {
            return diagnostic;
        }

        return diagnostic with { Message = $"{diagnostic.Message} (looked for {Path.GetFullPath(path, BaseDirectory)}; relative paths start at the notebook's folder)" };
    }

    /// <summary>A magic command the engine refuses: the real kernel's error output, its message in value and traceback.</summary>
    private static CellExecution MagicFailed(CellExecutionContext context, int count, int cellNumber, IReadOnlyList<CellDiagnostic> errors, Stopwatch clock)
    {
        string message = string.Join("\n", errors.Select(e => $"({e.Line},{e.Column}): error {e.Id}: {e.Message}"));
        context.Add(Output.Error("Error", message, [message]));
        return Failed(context, count, cellNumber, errors, clock);
    }

    private static CellExecution Failed(CellExecutionContext context, int count, int cellNumber, IReadOnlyList<CellDiagnostic> errors, Stopwatch clock)
    {
        string[] lines = errors.Select(error => error.Describe(cellNumber)).ToArray();
        string summary = lines[0] + (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : string.Empty);
        return Finish(context, count, cellNumber, ExecutionStatus.CompilationFailed, clock, measureTime: false) with
        {
            Diagnostics = errors,
            FailureSummary = summary,
        };
    }

    /// <summary>
    /// Diagnostics as the real kernel prints them: one stderr stream, each as Roslyn formats a diagnostic without
    /// a file (<c>(2,5): warning CS4014: …</c>), numbered as that kernel numbers lines.
    /// </summary>
    private static void ReportDiagnostics(CellExecutionContext context, PreparedCell prepared, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        var text = new StringBuilder("\n");
        foreach (Diagnostic diagnostic in diagnostics)
        {
            string severity = diagnostic.Severity.ToString().ToLowerInvariant();
            string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            if (diagnostic.Location.IsInSource)
            {
                LinePosition start = diagnostic.Location.GetLineSpan().StartLinePosition;
                text.Append(CultureInfo.InvariantCulture, $"({prepared.KernelLine(start.Line + 1)},{start.Character + 1}): ");
            }

            text.Append(CultureInfo.InvariantCulture, $"{severity} {diagnostic.Id}: {message}\n\n");
        }

        context.WriteStream(Output.StandardError, text.ToString());
    }

    private CellExecution Threw(CellExecutionContext context, int count, int cellNumber, Exception exception, Stopwatch clock, bool measureTime)
    {
        CellExceptionInfo info = NotebookStackTrace.Describe(exception, _cellsByPath, cellNumber);
        var traceback = new List<string> { $"{info.Type}: {info.Message}" };
        traceback.AddRange(info.StackTrace.Select(frame => "   " + frame));
        context.Add(Output.Error(info.Type, info.Message, traceback));
        string where = info.Line is int line ? $"cell {cellNumber}, line {line}" : $"cell {cellNumber}";
        return Finish(context, count, cellNumber, ExecutionStatus.Threw, clock, measureTime) with
        {
            Exception = info,
            FailureSummary = $"{where}: {info.Type}: {info.Message}",
        };
    }

    private CellExecution Stopped(CellExecutionContext context, int count, int cellNumber, bool cancelled, Stopwatch clock, bool measureTime)
    {
        string message = cancelled
            ? $"cell {cellNumber} was cancelled"
            : $"cell {cellNumber} did not finish within {FormatDuration(_options.CellTimeout)} and was stopped";
        const string Consequence = "Anything it defines is not available to later cells.";
        context.Add(Output.Error(cancelled ? "OperationCanceledException" : "TimeoutException", message, [$"{message}. {Consequence}"]));
        return Finish(context, count, cellNumber, cancelled ? ExecutionStatus.Cancelled : ExecutionStatus.TimedOut, clock, measureTime) with
        {
            FailureSummary = message,
        };
    }

    private static CellExecution Finish(CellExecutionContext context, int count, int cellNumber, ExecutionStatus status, Stopwatch clock, bool measureTime)
    {
        TimeSpan elapsed = clock.Elapsed;
        if (measureTime)
        {
            // The real kernel's words and number format (#!time there prints TimeSpan.TotalMilliseconds as is).
            context.Add(Output.DisplayData(MimeBundle.FromText($"Wall time: {elapsed.TotalMilliseconds}ms")));
        }

        return new CellExecution(count, cellNumber, status, context.Complete(), elapsed) { OutputCut = context.OutputCut };
    }

    private static string FormatDuration(TimeSpan duration) =>
        duration.TotalSeconds >= 1
            ? $"{duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s"
            : $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";

    /// <summary>
    /// The references the real kernel adds to Roslyn's defaults: LINQ, the collections, tasks, and its own display
    /// and formatting assemblies, for which this engine's globals and the same formatter library stand in.
    /// </summary>
    private static readonly Assembly[] DefaultReferences =
    [
        typeof(Enumerable).Assembly,
        typeof(IEnumerable<>).Assembly,
        typeof(Task<>).Assembly,
        typeof(NotebookGlobals).Assembly,                                    // display(), HTML()
        typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly,  // Formatter.Register, x.Display()
        // Two facades the kernel's own netstandard libraries bring into view, so cells see the same framework.
        Assembly.Load("System.Data.DataSetExtensions"),
        Assembly.Load("System.Threading.Tasks.Extensions"),
    ];
}
