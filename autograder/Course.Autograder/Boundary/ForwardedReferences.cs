using Course.Specs.Core;

namespace Course.Autograder.Boundary;

/// <summary>
/// The reference operations the withheld edition forwards to the parent, and the exercise whose answer each is:
/// the parent computes a forwarded call, except while a check of that very exercise runs. <c>Tensor.Stack</c> is
/// given to notebook 03 (its loader's collation) and is what notebook 04 asks students to write.
/// </summary>
public static class ForwardedReferences
{
    /// <summary>Each forwarded member (<c>Type.Member</c>, as the withheld edition names it) and the exercise it answers.</summary>
    public static IReadOnlyDictionary<string, Exercise> Answers { get; } = new Dictionary<string, Exercise>(StringComparer.Ordinal)
    {
        ["TinyTorch.Tensor.Stack"] = Exercise.Collate,
    };
}
