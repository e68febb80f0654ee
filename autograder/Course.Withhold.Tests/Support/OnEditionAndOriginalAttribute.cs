using System.Reflection;
using Xunit.Sdk;

namespace Course.Withhold.Tests.Support;

/// <summary>Runs a theory on the editions (<c>true</c>) and on the originals (<c>false</c>): the same result on both means the edition kept the contract.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnEditionAndOriginalAttribute : DataAttribute
{
    /// <inheritdoc/>
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[true], [false]];
}
