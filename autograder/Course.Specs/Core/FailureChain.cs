namespace Course.Specs.Core;

/// <summary>
/// Marks a failure that may follow from an earlier one (<see cref="Spec.DependsOn"/>): a student who fixes the first
/// failure often fixes the others with it, and should not chase each of them alone. The check cannot tell whether its
/// failure has a cause of its own too, so the message says "may".
/// </summary>
public static class FailureChain
{
    /// <summary>
    /// <paramref name="result"/>, its message ending with the earlier failures it may follow from; unchanged when it
    /// passed, was not implemented, or none of the checks it depends on failed with a message of their own.
    /// </summary>
    /// <param name="result">A check's result.</param>
    /// <param name="earlier">The results of the run so far, by check id.</param>
    /// <returns>The result, annotated when its failure may follow from another.</returns>
    public static CheckResult Annotate(CheckResult result, IReadOnlyDictionary<string, CheckResult> earlier)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(earlier);
        if (result.Status is not (CheckStatus.Failed or CheckStatus.TimedOut))
        {
            return result;
        }

        var causes = result.Spec.DependsOn
            .Select(id => earlier.GetValueOrDefault(id))
            .OfType<CheckResult>()
            // The same message is the same cause, already plain (a solution not credited, one exception for all).
            .Where(r => r.Status is CheckStatus.Failed or CheckStatus.TimedOut && r.Message != result.Message)
            .ToList();
        if (causes.Count == 0)
        {
            return result;
        }

        string named = string.Join(" and ", causes.Select(c => $"{c.Spec.Id} ({c.Spec.Title})"));
        string them = causes.Count == 1 ? "that one" : "those";
        return result with { Message = $"{result.Message.TrimEnd()} This may follow from the failure of {named}: fix {them} first." };
    }
}
