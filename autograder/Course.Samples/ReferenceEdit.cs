using System.Text.RegularExpressions;

namespace Course.Samples;

/// <summary>
/// A small textual edit of a reference solution, for a sample that is broken on purpose in a way that either does not
/// compile or would not be allowed to in this project (an endless loop is unreachable-code error CS0162 here).
/// </summary>
/// <param name="Declaration">A regular expression finding the declaration to edit (the first match is edited).</param>
/// <param name="Insertion">The text put right after the declaration's opening brace.</param>
public sealed record ReferenceEdit(string Declaration, string Insertion)
{
    /// <summary>Applies the edit.</summary>
    /// <param name="gradeId">The solution cell's grade_id, for the message.</param>
    /// <param name="reference">The reference solution's text.</param>
    /// <returns>The edited text.</returns>
    /// <exception cref="SampleBuildException">The reference no longer has the declaration, so the sample would not be broken.</exception>
    public string Apply(string gradeId, string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var match = Regex.Match(reference, Declaration, RegexOptions.None, TimeSpan.FromSeconds(1));
        int brace = match.Success ? reference.IndexOf('{', match.Index + match.Length) : -1;
        if (brace < 0)
        {
            throw new SampleBuildException($"The reference solution of {gradeId} has no '{Declaration}' followed by a brace any more; update the edit in autograder/Course.Samples/SampleRecipes.cs.");
        }

        return string.Concat(reference.AsSpan(0, brace + 1), Insertion, reference.AsSpan(brace + 1));
    }
}
