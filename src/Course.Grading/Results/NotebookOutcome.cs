namespace Course.Grading.Results;

/// <summary>What happened to one notebook of a submission before its checks ran.</summary>
/// <param name="Name">The notebook's file name.</param>
/// <param name="Status">ran, missing, unreadable or wrong module.</param>
/// <param name="Problems">Student-facing notes: compile errors with cell and line, exceptions, timeouts, restored locked cells.</param>
public sealed record NotebookOutcome(string Name, string Status, IReadOnlyList<string> Problems);
