using dnlib.DotNet;

namespace Course.Withhold.Analysis;

/// <summary>Attributes the compiler puts on iterator and async methods, naming their state machine types.</summary>
/// <remarks>
/// A withheld method loses them with its body: they would keep the state machine (the answer's code) alive,
/// and nothing binds to them (the compiler reads them from no reference).
/// </remarks>
internal static class CompilerAttributes
{
    private static readonly HashSet<string> StateMachine = new(StringComparer.Ordinal)
    {
        "System.Runtime.CompilerServices.IteratorStateMachineAttribute",
        "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
        "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute",
    };

    /// <summary>Whether <paramref name="attribute"/> names a method's state machine.</summary>
    public static bool IsStateMachine(CustomAttribute attribute) => StateMachine.Contains(attribute.TypeFullName);
}
