using Course.Grading.Results;

namespace Course.Grading.Output;

/// <summary>A student's result that an earlier run left in the output folder, and the folder it is in.</summary>
/// <param name="Result">The result, as <c>result.json</c> holds it.</param>
/// <param name="FolderName">The student's folder, directly inside the output folder.</param>
public sealed record KeptResult(SubmissionResult Result, string FolderName);
