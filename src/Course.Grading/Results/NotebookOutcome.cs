namespace Course.Grading.Results;

/// <summary>What happened to one notebook of a submission before its checks ran.</summary>
/// <param name="Name">The notebook's file name.</param>
/// <param name="Status">Ran, or why it did not: missing, unreadable, empty, from another module, not finished.</param>
/// <param name="Problems">Student-facing notes: compile errors with cell and line, exceptions, timeouts, restored locked cells.</param>
public sealed record NotebookOutcome(string Name, NotebookStatus Status, IReadOnlyList<string> Problems);
