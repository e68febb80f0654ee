using Course.Specs.Core;

namespace Course.Autograder.Screening;

/// <summary>
/// A symbol of a reference assembly that a solution cell must not use, because it would do an exercise for the student.
/// </summary>
/// <param name="Assembly">The simple name of the assembly that defines the symbol (<c>TinyTorch</c> for the library).</param>
/// <param name="TypeName">
/// The type's full metadata name, as <see cref="System.Type.FullName"/> spells it for a top-level type
/// (<c>TinyTorch.Data.Prefetcher`1</c>). The type, its members and its nested types are all forbidden unless
/// <paramref name="MemberName"/> narrows the entry to one member.
/// </param>
/// <param name="MemberName">One member of the type (<c>Stack</c>, every overload), or null for the whole type.</param>
/// <param name="Exercise">
/// The exercise the symbol would do: the entry applies to the solution cells of a notebook that grades this exercise.
/// <see cref="Exercise.None"/> means every exercise: the entry applies to every solution cell.
/// </param>
/// <param name="Role">What the symbol is, for the student's message (<c>the reference implementation</c>).</param>
public sealed record ForbiddenReference(string Assembly, string TypeName, string? MemberName, Exercise Exercise, string Role);
