using Course.Specs.Core;

namespace Course.Autograder.Screening;

/// <summary>
/// A solution cell that uses the reference implementation of an exercise instead of the student's own
/// (found by <see cref="ReferenceCalls.Find"/>).
/// </summary>
/// <param name="CellNumber">1-based position of the cell in the notebook, counting every cell, as the engine and feedback number cells.</param>
/// <param name="Line">1-based line within the cell.</param>
/// <param name="GradeId">The solution cell's grade_id (<c>dataloader-impl</c>), or null when it has none.</param>
/// <param name="Symbol">The reference symbol's full name: a type (<c>TinyTorch.Data.DataLoader</c>) or, for a member entry, the member (<c>TinyTorch.Tensor.Stack</c>).</param>
/// <param name="Exercise">
/// The exercise whose reference was used: the one whose checks should not credit the student. It can differ from
/// the cell's own exercise (a <c>RandomCrop</c> wrapper written in the flip cell is about <see cref="Exercise.Crop"/>);
/// <see cref="Exercise.None"/> when the code reaches every exercise's reference (<c>Implementation.Reference</c>).
/// </param>
/// <param name="Message">For the student: <c>cell 9 line 4 uses TinyTorch.Data.DataLoader, the reference implementation, instead of your own DataLoader</c>.</param>
public sealed record ReferenceCall(int CellNumber, int Line, string? GradeId, string Symbol, Exercise Exercise, string Message)
{
    /// <summary>The <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
