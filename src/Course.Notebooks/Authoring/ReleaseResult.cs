using Course.Notebooks.Format;
using Course.Notebooks.Model;

namespace Course.Notebooks.Authoring;

/// <summary>A released student notebook and what each step did to produce it.</summary>
/// <param name="Student">The student notebook (a new object; the source is untouched).</param>
/// <param name="Steps">One report per step, in the order they ran.</param>
public sealed record ReleaseResult(Notebook Student, IReadOnlyList<ReleaseStepReport> Steps)
{
    /// <summary>The student notebook's file text, as <see cref="IpynbWriter"/> writes it (the same source always gives the same text).</summary>
    /// <returns>The JSON text, ending with a newline.</returns>
    public string Serialize() => IpynbWriter.Serialize(Student);

    /// <summary>How many changes the named step made, or 0 when it did not run.</summary>
    /// <param name="step">A step name, e.g. <c>nameof(ClearSolutions)</c>.</param>
    /// <returns>The count.</returns>
    public int ChangesBy(string step) => Steps.Where(report => report.Step == step).Sum(report => report.Changes);
}
