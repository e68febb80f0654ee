namespace Course.Notebooks.Execution;

/// <summary>An exception thrown by a cell, with its stack trace trimmed to the notebook's own frames.</summary>
/// <param name="Type">The exception's full type name, e.g. <c>System.DivideByZeroException</c>.</param>
/// <param name="Message">The exception's message.</param>
/// <param name="StackTrace">Frames in notebook cells, innermost first, e.g. <c>at Divide(Int32, Int32) in cell 2, line 3</c>.</param>
/// <param name="Line">The line of the innermost frame in the failing cell itself, or null when unknown.</param>
public sealed record CellExceptionInfo(string Type, string Message, IReadOnlyList<string> StackTrace, int? Line);
