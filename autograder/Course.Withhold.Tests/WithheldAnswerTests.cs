using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Course.Withhold.Tests.Support;

namespace Course.Withhold.Tests;

/// <summary>Every reference answer the policy names throws in the edition, naming itself and its exercise, and keeps none of its code.</summary>
[Collection(EditionsCollection.Name)]
public sealed class WithheldAnswerTests(EditionsFixture editions)
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The withheld types of TinyTorch, as the policy file lists them.</summary>
    public static TheoryData<string, string?> WithheldTypes()
    {
        var data = new TheoryData<string, string?>();
        foreach (var (type, exercise) in PolicyFile.WithheldTypes())
        {
            data.Add(type, exercise);
        }

        return data;
    }

    [Fact]
    public void A_withheld_constructor_says_what_it_is_the_answer_to()
    {
        var loader = editions.Edition.Type("TinyTorch.Data.DataLoader").GetConstructors().Single();

        var thrown = Withheld.Throws(() => Reflected.CallWithDefaults(loader, null), "TinyTorch.Data.DataLoader", "DataLoader");

        Assert.Equal(
            "TinyTorch.Data.DataLoader is the reference answer to the DataLoader exercise: it is withheld while notebooks are graded, so a solution cannot use it.",
            thrown.Message);
    }

    [Theory]
    [MemberData(nameof(WithheldTypes))]
    public void Every_constructor_and_static_method_of_a_withheld_type_throws(string typeName, string? exercise)
    {
        if (Edition(typeName) is not { } withheld)
        {
            return;
        }

        var type = Closed(withheld);
        var callable = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Where(_ => !type.IsAbstract).Cast<MethodBase>()
            .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => !m.IsGenericMethodDefinition))
            .Where(m => !Reflected.TakesSpans(m))
            .ToArray();

        Assert.True(type.IsAbstract || callable.OfType<ConstructorInfo>().Any(), $"{typeName} has no constructor to call");
        foreach (var method in callable)
        {
            Withheld.Throws(() => Reflected.CallWithDefaults(method, null), Withheld.NameOf(method), exercise);
        }
    }

    [Theory]
    [MemberData(nameof(WithheldTypes))]
    public void An_object_made_without_a_constructor_reaches_no_answer_either(string typeName, string? exercise)
    {
        // In-memory tampering: an instance made by the runtime without running a constructor.
        if (Edition(typeName) is not { IsAbstract: false } withheld)
        {
            return;
        }

        var type = Closed(withheld);
        object forged = RuntimeHelpers.GetUninitializedObject(type);
        var methods = type.GetMethods(Declared).Where(m => !m.IsStatic && !m.IsAbstract && !m.IsGenericMethodDefinition && !Reflected.TakesSpans(m)).ToArray();

        Assert.NotEmpty(methods);
        foreach (var method in methods)
        {
            var thrown = Record.Exception(() => Reflected.CallWithDefaults(method, forged));
            Assert.True(thrown?.GetType().FullName == Withheld.ExceptionType, $"{method} did not throw the withheld exception: {thrown}");
            Assert.Equal(exercise, thrown!.GetType().GetProperty("Exercise")!.GetValue(thrown));
        }
    }

    [Fact]
    public void Enumerating_a_withheld_iterator_throws_at_once_and_its_state_machine_is_gone()
    {
        var prefetcher = editions.Edition.Type("TinyTorch.Data.Prefetcher`1").MakeGenericType(typeof(int));
        var forged = (System.Collections.IEnumerable)RuntimeHelpers.GetUninitializedObject(prefetcher);

        Withheld.Throws(() =>
        {
            foreach (object item in forged)
            {
                Assert.Fail($"The withheld prefetcher produced {item}.");
            }
        }, "TinyTorch.Data.Prefetcher<T>.GetEnumerator", "Prefetcher<T>");
        Assert.NotEmpty(editions.Original.Type("TinyTorch.Data.Prefetcher`1").GetNestedTypes(BindingFlags.NonPublic));
        Assert.Empty(prefetcher.GetGenericTypeDefinition().GetNestedTypes(BindingFlags.NonPublic));
    }

    [Fact]
    public void A_students_subclass_of_a_withheld_class_cannot_be_made()
    {
        Withheld.Throws(() => Reflected.Static(editions.Probes(edition: true), "SubclassOfWithheld"), "TinyTorch.Data.Sampling.Sampler", "DataLoader");
    }

    [Theory]
    [MemberData(nameof(WithheldTypes))]
    public void No_withheld_method_keeps_its_code(string typeName, string? exercise)
    {
        _ = exercise;
        if (Edition(typeName) is not { } edition)
        {
            return;
        }

        var original = editions.Original.Type(typeName);
        foreach (var method in edition.GetMethods(Declared).Cast<MethodBase>().Concat(edition.GetConstructors(Declared)))
        {
            byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null)
            {
                continue;
            }

            var before = original.GetMember(method.Name, Declared).OfType<MethodBase>().Single(m => m.ToString() == method.ToString());
            // ldstr member, ldstr exercise, newobj ReferenceWithheldException, throw: 16 bytes.
            Assert.True(il.Length <= 16, $"{method} has {il.Length} bytes of IL");
            Assert.NotEqual(before.GetMethodBody()!.GetILAsByteArray(), il);
        }

        Assert.Empty(edition.GetNestedTypes(BindingFlags.NonPublic));
        Assert.Null(edition.TypeInitializer);
        Assert.DoesNotContain(edition.GetFields(Declared), f => f.IsPrivate);
    }

    [Theory]
    [InlineData("Cannot collate an empty list of samples.")]
    [InlineData("The crop height must be at least 1, but was ")]
    [InlineData("numWorkers must be 0 (load on the consumer's thread) or more, but was ")]
    [InlineData("The prefetched sequence failed: ")]
    public void No_text_of_a_withheld_answer_is_left_in_the_edition(string text)
    {
        byte[] literal = Encoding.Unicode.GetBytes(text);

        Assert.True(File.ReadAllBytes(Path.Combine(Editions.Originals, "TinyTorch.dll")).AsSpan().IndexOf(literal) >= 0, $"The original has no '{text}': the test is out of date.");
        Assert.True(File.ReadAllBytes(Path.Combine(Editions.Folder, "TinyTorch.dll")).AsSpan().IndexOf(literal) < 0, $"The edition still holds '{text}'.");
    }

    // A withheld type that outside code cannot name may be gone altogether, which withholds it best.
    private Type? Edition(string typeName)
    {
        var original = editions.Original.Type(typeName);
        var edition = editions.Edition.TypeOrNull(typeName);
        Assert.True(edition is not null || !original.IsVisible, $"The public type {typeName} is missing from the edition.");
        return edition;
    }

    private static Type Closed(Type type) => type.IsGenericTypeDefinition ? type.MakeGenericType(type.GetGenericArguments().Select(_ => typeof(object)).ToArray()) : type;
}
