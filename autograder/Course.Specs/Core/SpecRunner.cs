using System.Diagnostics;

namespace Course.Specs.Core;

/// <summary>
/// Runs graded checks one at a time, each on its own thread with its own time limit, and turns
/// whatever happens (a pass, a failed property, a stub that is not implemented yet, an exception, an
/// infinite loop) into a <see cref="CheckResult"/>. It never throws for the code under test, so a
/// notebook check cell always finishes and shows its table.
/// </summary>
public static class SpecRunner
{
    /// <summary>Runs <paramref name="specs"/> against <paramref name="implementation"/>, in order.</summary>
    /// <param name="specs">The checks.</param>
    /// <param name="implementation">The implementation under test.</param>
    /// <param name="timeoutScale">Multiplies every check's time limit (the autograder may give slow machines more).</param>
    /// <returns>The report, one result per check; a failure that may follow from an earlier one says so (<see cref="FailureChain"/>).</returns>
    public static CheckReport Run(IEnumerable<Spec> specs, Implementation implementation, double timeoutScale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(implementation);
        var results = new Dictionary<string, CheckResult>(StringComparer.Ordinal);
        var report = new List<CheckResult>();
        foreach (var spec in specs)
        {
            // In order: a failure that may follow from an earlier one of the report says so.
            var result = FailureChain.Annotate(RunOne(spec, implementation, timeoutScale), results);
            results[spec.Id] = result;
            report.Add(result);
        }

        return new CheckReport(report);
    }

    /// <summary>Runs one check.</summary>
    /// <param name="spec">The check.</param>
    /// <param name="implementation">The implementation under test.</param>
    /// <param name="timeoutScale">Multiplies the check's time limit.</param>
    /// <returns>Its result.</returns>
    public static CheckResult RunOne(Spec spec, Implementation implementation, double timeoutScale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Exception? error = null;
        double? measured = null;
        var clock = Stopwatch.StartNew();
        // A thread of its own, so that an infinite loop in student code costs this check, not the run.
        // A background thread: if it never returns, it cannot keep the process alive.
        var thread = new Thread(() =>
        {
            _ = Timing.TakeLastMeasurement();
            try
            {
                spec.Body(implementation);
            }
            catch (Exception e)
            {
                error = e;
            }

            measured = Timing.TakeLastMeasurement();
        }, maxStackSize: 16 * 1024 * 1024)
        {
            IsBackground = true,
            Name = $"check {spec.Id}",
        };
        thread.Start();
        var limit = spec.Timeout * timeoutScale;
        if (!thread.Join(limit))
        {
            return new CheckResult(spec, CheckStatus.TimedOut,
                $"Timed out after {limit.TotalSeconds:0.#} s in check {spec.Id}: the code under test did not finish (look for an infinite loop or a wait that never ends).",
                clock.Elapsed);
        }

        return error switch
        {
            null => new CheckResult(spec, CheckStatus.Passed, "", clock.Elapsed) { Measured = measured },
            SpecFailure f => new CheckResult(spec, CheckStatus.Failed, f.Message, clock.Elapsed) { Measured = f.Measured },
            MissingExerciseException m => new CheckResult(spec, CheckStatus.Missing, m.Message, clock.Elapsed),
            _ when Unwrap(error) is NotImplementedException n => new CheckResult(spec, CheckStatus.NotImplemented,
                $"Not implemented yet: {n.Message}", clock.Elapsed),
            _ => new CheckResult(spec, CheckStatus.Failed,
                $"The code under test threw {Unwrap(error).GetType().Name}: {Unwrap(error).Message}", clock.Elapsed),
        };
    }

    // Reflection and loaders wrap what student code threw; the student wants to see their own exception.
    private static Exception Unwrap(Exception e)
    {
        while (e is System.Reflection.TargetInvocationException or AggregateException or TinyTorch.Data.SampleLoadException && e.InnerException is not null)
        {
            e = e.InnerException!;
        }

        return e;
    }
}
