namespace Course.Notebooks.Validation;

/// <summary>Something a rule found.</summary>
/// <param name="Text">What, naming the cell: <c>cell 3: does not compile: …</c>.</param>
/// <param name="Kernel">The kernel whose run showed it; null when it is about the file itself.</param>
/// <param name="IsNote">A note worth knowing that does not fail the notebook.</param>
public sealed record ValidationFinding(string Text, ValidationKernel? Kernel = null, bool IsNote = false);
