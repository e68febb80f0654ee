namespace Course.Notebooks.Validation;

/// <summary>What validating notebook folders came to.</summary>
/// <param name="Passed">Notebooks that passed.</param>
/// <param name="Failed">Notebooks that failed.</param>
/// <param name="BadInput">Whether a folder could not be validated at all (it had neither <c>source/</c> nor <c>student/</c>).</param>
public sealed record FolderValidationResult(int Passed, int Failed, bool BadInput)
{
    /// <summary>The closing line: <c>N passed, M failed</c>.</summary>
    public string Summary => $"{Passed} passed, {Failed} failed";
}
