using Course.Notebooks.Files;

namespace Course.Notebooks.Execution;

/// <summary>
/// Where the executed copies of a run go, decided before anything runs: a copy that would land on an input (by any
/// spelling or symbolic link) or that two inputs would share is refused, so a run never writes over what it reads.
/// </summary>
/// <param name="Copies">The notebooks that may run, in the order given, each with its copy's path.</param>
/// <param name="Refusals">One line per refused notebook, naming it (<c>a.ipynb: the executed copy would overwrite an input (…)</c>).</param>
public sealed record ExecutedCopyPlan(IReadOnlyList<ExecutedCopy> Copies, IReadOnlyList<string> Refusals)
{
    /// <summary>Plans the copies of <paramref name="notebooks"/> in <paramref name="outputDirectory"/> (<c>NAME.ipynb</c>; a <c>.dib</c> becomes an <c>.ipynb</c>).</summary>
    /// <param name="notebooks">The notebooks, as given.</param>
    /// <param name="outputDirectory">The folder the copies go to.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">A notebook path or the folder is empty.</exception>
    public static ExecutedCopyPlan For(IReadOnlyList<string> notebooks, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var inputs = new HashSet<string>(notebooks.Select(CanonicalPath.Of), StringComparer.Ordinal);
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        var copies = new List<ExecutedCopy>();
        var refusals = new List<string>();
        foreach (string input in notebooks)
        {
            string output = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(input) + ".ipynb");
            string canonical = CanonicalPath.Of(output);
            if (inputs.Contains(canonical))
            {
                refusals.Add($"{input}: the executed copy would overwrite an input ({output}); choose another folder with --out");
            }
            else if (claimed.TryGetValue(canonical, out string? other))
            {
                refusals.Add($"{input}: its executed copy {output} would replace the copy of {other}; run them with different --out folders");
            }
            else
            {
                claimed[canonical] = input;
                copies.Add(new ExecutedCopy(input, output));
            }
        }

        return new ExecutedCopyPlan(copies, refusals);
    }
}
