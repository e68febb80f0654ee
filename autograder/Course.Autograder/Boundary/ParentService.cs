using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Boundary;
using Course.Specs.Core;
using TinyTorch;

namespace Course.Autograder.Boundary;

/// <summary>
/// The parent's side of the boundary: the objects the checks hand the student's code (their datasets, sources and
/// transforms), the runner's report once its notebooks ran, and the forwarded reference operations, computed here
/// unless the check running is the one whose answer they are.
/// </summary>
public sealed class ParentService
{
    /// <summary>The most cell facts a report may hold (a notebook has a few dozen cells).</summary>
    public const int MaxCells = 2_000;

    // What the runner may ask of the parent's objects: what its proxies of them do (a check's dataset read, its
    // transform applied, its source enumerated). Not the rest of what an ObjectHost serves: filling a tensor of the
    // parent's would let the runner rewrite what a check compares the student's results with, and releasing the
    // parent's handles or keeping samples there is the parent's own business.
    private static readonly HashSet<string> ObjectOperations = new(StringComparer.Ordinal)
    {
        "dataset.count", "dataset.get", "transform.apply", "enumerable.begin", "enumerator.next", "enumerator.close",
    };

    private readonly TaskCompletionSource<RunnerReport> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly ExerciseTable _exercises;

    /// <summary>Creates the service for one runner of module 05.</summary>
    public ParentService()
        : this(Exercises.All)
    {
    }

    /// <summary>Creates the service for one runner of a module with the given exercises.</summary>
    /// <param name="exercises">The exercises the runner may report and whose forwarded references it may ask for.</param>
    public ParentService(ExerciseTable exercises)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        _exercises = exercises;
        Host = new ObjectHost("parent", "runner") { Translate = Translate };
    }

    /// <summary>The parent's end of the boundary.</summary>
    public ObjectHost Host { get; }

    /// <summary>Completes when the runner reports that its notebooks have run.</summary>
    public Task<RunnerReport> Ready => _ready.Task;

    /// <summary>The exercise whose check is running (forwarded references to its answer are refused), or none.</summary>
    public Exercise CurrentExercise { get; set; } = Exercise.None;

    /// <summary>Serves one call of the runner.</summary>
    /// <param name="call">The call.</param>
    /// <returns>The reply.</returns>
    /// <exception cref="BoundaryProtocolException">The call is malformed, or is not one the runner may make of the parent.</exception>
    public BoundaryReply Serve(BoundaryCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (ObjectOperations.Contains(call.Operation) && Host.TryServe(call, out BoundaryReply reply))
        {
            return reply;
        }

        return call.Operation switch
        {
            "ready" => Report(call.Body),
            "progress" => Progress(call.Body),
            "reference.invoke" => Invoke(call),
            _ => throw new BoundaryProtocolException($"The parent has no operation '{call.Operation}'."),
        };
    }

    /// <summary>Told what the runner says it is running (a notebook's cell): words for a time-out's reason, nothing more.</summary>
    public Action<string>? OnProgress { get; set; }

    private BoundaryReply Progress(JsonObject body)
    {
        string notebook = Json.String(body, "notebook");
        int cell = Json.Int(body, "cell");
        OnProgress?.Invoke($"{(notebook.Length > 80 ? notebook[..80] : notebook)} cell {cell}");
        return BoundaryReply.Empty;
    }

    private BoundaryReply Report(JsonObject body)
    {
        JsonArray cells = Json.Array(body, "cells");
        if (cells.Count > MaxCells)
        {
            throw new BoundaryProtocolException($"The runner reported {cells.Count:N0} cells; at most {MaxCells:N0} are read.");
        }

        CellFacts[] facts;
        try
        {
            facts = cells.Deserialize<CellFacts[]>() ?? [];
        }
        catch (JsonException error)
        {
            throw new BoundaryProtocolException($"The runner's report is malformed: {error.Message}", error);
        }

        // An exercise by its own name only, exactly as its row spells it; anything else is ignored.
        var exercises = Json.Array(body, "exercises")
            .Select(e => e is JsonValue v && v.TryGetValue(out string? name) ? _exercises.Named(name) : null)
            .OfType<Exercise>()
            .ToHashSet();
        _ready.TrySetResult(new RunnerReport(facts, exercises));
        return BoundaryReply.Empty;
    }

    private BoundaryReply Invoke(BoundaryCall call)
    {
        string member = Json.String(call.Body, "member");
        // The forwarded members and the exercise each answers are in the exercises' rows (Exercise.Forwards).
        Exercise answers = _exercises.Answering(member)
            ?? throw new InvalidOperationException($"{member} is not a reference operation the grader forwards.");
        if (answers == CurrentExercise)
        {
            throw new InvalidOperationException(
                $"{member} is the reference answer to the {answers.StudentName} exercise: it is withheld while that exercise is checked, so a solution cannot use it.");
        }

        JsonArray arguments = Json.Array(call.Body, "arguments");
        var payload = new Payload();
        Tensor result = member switch
        {
            "TinyTorch.Tensor.Stack" when arguments.Count == 1 =>
                Tensor.Stack(Host.ReadTensors(Json.AsObject(arguments[0], "an argument")["tensors"], call.Payload)),
            _ => throw new InvalidOperationException($"{member} was forwarded with {arguments.Count} arguments it does not take."),
        };
        return new BoundaryReply(new JsonObject { ["result"] = ObjectHost.WriteValues([result], payload) }, payload.ToMemory());
    }

    private static Exception Translate(BoundaryRemoteException failure)
    {
        // Anywhere in the chain: code that reaches the reference by reflection gets it wrapped (TargetInvocationException).
        JsonObject? description = failure.Description;
        for (int depth = 0; description is not null && depth <= ExceptionCodec.MaxDepth; depth++, description = description["inner"] as JsonObject)
        {
            if (ExceptionCodec.TypesOf(description).Contains("TinyTorch.Grading.ReferenceWithheldException"))
            {
                return new SpecFailure($"{CheckPass.NotCredited} {ExceptionCodec.MessageOf(description)}");
            }
        }

        return ExceptionCodec.Rebuild(failure.Description);
    }
}
