using System.Reflection;
using Course.Withhold.Tests.Support;

namespace Course.Withhold.Tests;

/// <summary>The editions' public surfaces equal the originals', as reflection sees them; only the grading types are added.</summary>
[Collection(EditionsCollection.Name)]
public sealed class SurfaceTests(EditionsFixture editions)
{
    [Theory]
    [InlineData("TinyTorch")]
    [InlineData("TinyTorch.Analysis")]
    public void The_edition_has_the_originals_public_surface(string assembly)
    {
        var original = ReflectedSurface.Of(Load(editions.Original, assembly));
        var edition = ReflectedSurface.Of(Load(editions.Edition, assembly), ignoredNamespace: "TinyTorch.Grading");

        Assert.True(original.Count > 100, $"The surface of {assembly} has only {original.Count} lines: the comparison sees too little.");
        Assert.Equal(original.Except(edition), []);
        Assert.Equal(edition.Except(original), []);
    }

    [Fact]
    public void The_edition_keeps_the_identity_and_has_no_pdb()
    {
        foreach (string assembly in new[] { "TinyTorch", "TinyTorch.Analysis" })
        {
            var original = AssemblyName.GetAssemblyName(Path.Combine(Editions.Originals, assembly + ".dll"));
            var edition = AssemblyName.GetAssemblyName(Path.Combine(Editions.Folder, assembly + ".dll"));
            Assert.Equal(original.FullName, edition.FullName);
            Assert.False(File.Exists(Path.Combine(Editions.Folder, assembly + ".pdb")));
        }
    }

    [Fact]
    public void Only_tiny_torch_defines_the_grading_types_so_the_runner_sees_one_of_each()
    {
        var exception = editions.Edition.TinyTorch.GetType(Withheld.ExceptionType);

        Assert.NotNull(exception);
        Assert.True(exception.IsPublic && exception.IsSealed && typeof(Exception).IsAssignableFrom(exception));
        Assert.NotNull(editions.Edition.TinyTorch.GetType("TinyTorch.Grading.WithheldReference")?.GetProperty("Forwarder", BindingFlags.Public | BindingFlags.Static)?.SetMethod);
        Assert.DoesNotContain(editions.Edition.Analysis.GetTypes(), t => t.Namespace == "TinyTorch.Grading");
    }

    private static Assembly Load(EditionLoadContext context, string assembly) => assembly == "TinyTorch" ? context.TinyTorch : context.Analysis;
}
