using Course.Grading.Output;
using Course.Grading.Tests.Support;

namespace Course.Grading.Tests;

/// <summary>
/// The mapping from a student id (any text) to the student's folder name: plain ids keep their folder, every other
/// id gets a slug and a hash, and no id, hostile or random, names a path outside the output folder or a class file.
/// </summary>
public sealed class StudentFolderTests
{
    private static readonly string Out = Path.Combine(Path.GetTempPath(), "course-out");

    [Theory]
    [InlineData("amy")]
    [InlineData("good2")]
    [InlineData("Bob_Smith")]
    [InlineData("compile-error")]
    [InlineData("a.b-c")]
    [InlineData("_x")]
    [InlineData("grading")]
    public void A_plain_id_is_its_own_folder_name(string id) => Assert.Equal(id, StudentFolder.NameOf(id));

    [Theory]
    [MemberData(nameof(HostileNames.Labels), MemberType = typeof(HostileNames))]
    public void A_hostile_id_gets_a_slug_and_a_hash_inside_the_output_folder(string label)
    {
        string id = HostileNames.Ids[label];

        string name = StudentFolder.NameOf(id);

        Assert.Contains(StudentFolder.HashSeparator, name);
        Assert.Matches("^[A-Za-z0-9_][A-Za-z0-9._-]*~[0-9a-f]{16}$", name);
        Assert.True(name.Length <= 57, name);
        AssertInside(name);
    }

    [Fact]
    public void The_slug_keeps_a_name_readable()
    {
        Assert.StartsWith("unicode~", StudentFolder.NameOf("ünïcödé"), StringComparison.Ordinal);
        Assert.StartsWith("no-sandbox~", StudentFolder.NameOf("--no-sandbox"), StringComparison.Ordinal);
        Assert.StartsWith("script_alert_1_script~", StudentFolder.NameOf("<script>alert(1)</script>"), StringComparison.Ordinal);
        Assert.StartsWith("summary.html~", StudentFolder.NameOf("summary.html"), StringComparison.Ordinal);
        Assert.StartsWith("id~", StudentFolder.NameOf(".."), StringComparison.Ordinal);
    }

    [Fact]
    public void No_two_ids_of_the_corpus_share_a_folder_even_ignoring_case()
    {
        string[] ids = [.. HostileNames.Ids.Values, "amy", "Amy", "a\uD800b", "a\uDC00b", "a\uFFFDb"];

        var names = StudentFolder.NamesOf(ids);

        Assert.Equal(ids.Length, names.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.NotEqual("amy", names["amy"]); // a case twin is hashed too, so "Amy" cannot take its folder on macOS
    }

    [Fact]
    public void No_random_id_names_a_path_outside_the_output_folder_or_a_class_file()
    {
        // Ids made of the characters that matter to paths and names, in every mix: dots, separators, case, NUL, non-ASCII.
        const string Alphabet = "../\\~ aA-_\0:ü\uD800*?\"<>|CONnul";
        var random = new Random(20260501);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (ids.Count < 5000)
        {
            ids.Add(new string([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]));
        }

        var names = StudentFolder.NamesOf(ids);

        Assert.Equal(ids.Count, names.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names.Values, AssertInside);
    }

    [Fact]
    public void An_empty_id_is_refused_as_bad_input()
    {
        var e = Assert.Throws<ArgumentException>(() => StudentFolder.NameOf(""));

        Assert.Equal("studentId", e.ParamName);
        Assert.StartsWith("A student id must not be empty", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => StudentFolder.NameOf(null!));
    }

    [Fact]
    public void An_id_given_twice_is_refused_naming_it_escaped()
    {
        var e = Assert.Throws<ArgumentException>(() => StudentFolder.NamesOf(["amy", "x\ny", "x\ny"]));

        Assert.Equal("studentIds", e.ParamName);
        Assert.Contains(@"'x\ny' is given twice", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/b")]
    [InlineData("../out2")]
    [InlineData("gradebook.csv")]
    [InlineData("SUMMARY.html")]
    public void A_folder_name_that_is_no_student_folder_inside_the_output_folder_is_refused(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => StudentFolder.PathIn(Out, name));

        Assert.Equal("folderName", e.ParamName);
        Assert.Contains($"'{name}' is not a student folder inside", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_step_in_a_path_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => HtmlText.UrlSegment(".."));

        Assert.Contains("'..' is a step in a path", e.Message, StringComparison.Ordinal);
    }

    private static void AssertInside(string name)
    {
        string full = StudentFolder.PathIn(Out, name);
        Assert.Equal(Path.GetFullPath(Out), Path.GetDirectoryName(Path.GetFullPath(full)));
        Assert.DoesNotContain(name, StudentFolder.ClassFileNames, StringComparer.OrdinalIgnoreCase);
        Assert.NotEqual(".", name);
        Assert.NotEqual("..", name);
    }
}
