using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Course.Autograder.Preparation;
using Course.Grading.Results;

namespace Course.Autograder.Tests.Preparation;

/// <summary>
/// Submissions whose files attack the trusted parent rather than its sandbox: links, special files, malformed and
/// enormous notebooks. Each class is refused for the one notebook it hits, with a reason that says what the file
/// is, promptly, without reading what a link points to; the rest of the submission is prepared as usual.
/// </summary>
public sealed class HostileSubmissionTests : IDisposable
{
    private const string Secret = "SECRET-MARKER-7f3a";
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(20);
    private readonly string _root = Directory.CreateTempSubdirectory("hostile-tests-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Target => ModuleFixtures.Module.Names[2];

    [Fact]
    public async Task A_notebook_that_links_to_another_file_is_refused_as_a_link_and_its_target_never_read()
    {
        string folder = Sample("alice");
        string secret = SecretNotebook();
        Replace(folder, Target, path => File.CreateSymbolicLink(path, secret));

        var prepared = await Prepare(folder);

        AssertOnlyTargetRefused(prepared, "it is a symbolic link, and the grader follows no links: submit the notebook file itself");
        AssertNoSecret(prepared);
    }

    [Theory]
    [InlineData("/etc/shadow")]
    [InlineData("/dev/zero")]
    [InlineData("dangling")]
    [InlineData("loop")]
    public async Task A_link_to_a_system_file_a_device_nowhere_or_itself_is_refused_promptly_as_a_link(string to)
    {
        string folder = Sample("bob");
        Replace(folder, Target, path =>
        {
            string target = to switch
            {
                "dangling" => Path.Combine(_root, "no-such-file.ipynb"),
                "loop" => Path.Combine(folder, "other.ipynb"),
                _ => to,
            };
            File.CreateSymbolicLink(path, target);
            if (to == "loop")
            {
                File.CreateSymbolicLink(target, path);
            }
        });

        var prepared = await Prepare(folder);

        AssertOnlyTargetRefused(prepared, "it is a symbolic link, and the grader follows no links: submit the notebook file itself");
    }

    [Fact]
    public async Task A_submission_folder_that_is_a_link_to_the_instructors_sources_is_refused_whole()
    {
        string sources = Path.Combine(_root, "instructor");
        Directory.CreateDirectory(sources);
        foreach (string name in ModuleFixtures.Module.Names)
        {
            File.Copy(Path.Combine(RepositoryFolder.Root(), "notebooks", "source", name), Path.Combine(sources, name));
        }

        File.WriteAllText(Path.Combine(sources, Target), File.ReadAllText(SecretNotebook()));
        string link = Path.Combine(_root, "alice");
        Directory.CreateSymbolicLink(link, sources);

        foreach (string given in new[] { link, link + Path.DirectorySeparatorChar })
        {
            var prepared = await Prepare(given);

            Assert.Equal("alice", prepared.StudentId);
            Assert.All(prepared.Notebooks, n =>
            {
                Assert.Equal(NotebookStatus.Unreadable, n.Status);
                Assert.Equal($"{n.Name} is not a readable notebook: the submission 'alice' is a symbolic link, and the grader follows no links: submit the folder itself", n.Problems.Single());
                Assert.Null(n.Notebook);
            });
            AssertNoSecret(prepared);
        }
    }

    [Fact]
    public async Task A_single_notebook_submission_that_is_a_link_is_refused_as_a_link()
    {
        string link = Path.Combine(_root, Target);
        File.CreateSymbolicLink(link, SecretNotebook());

        var prepared = await Prepare(link);

        var notebook = prepared.Notebooks.Single(n => n.Name == Target);
        Assert.Equal(NotebookStatus.Unreadable, notebook.Status);
        Assert.Contains("symbolic link", notebook.Problems.Single(), StringComparison.Ordinal);
        Assert.All(prepared.Notebooks.Where(n => n.Name != Target), n => Assert.Equal(NotebookStatus.Missing, n.Status));
        AssertNoSecret(prepared);
    }

    [Fact]
    public async Task A_hard_link_is_a_regular_file_and_is_read_like_one()
    {
        string folder = Sample("carol");
        string elsewhere = Path.Combine(_root, "copy.ipynb");
        File.Move(Path.Combine(folder, Target), elsewhere);
        Assert.Equal(0, Link(elsewhere, Path.Combine(folder, Target)));

        var prepared = await Prepare(folder);

        Assert.All(prepared.Notebooks, n => Assert.Equal(PreparedNotebook.Ready, n.Status));
    }

    [Fact]
    public async Task A_named_pipe_in_a_notebooks_place_is_refused_at_once_not_waited_on()
    {
        string folder = Sample("dave");
        Replace(folder, Target, path => Assert.Equal(0, MakeFifo(path, Convert.ToInt32("644", 8))));

        var prepared = await Prepare(folder);

        AssertOnlyTargetRefused(prepared, "it is a named pipe (FIFO), not a notebook file");
    }

    [Fact]
    public async Task A_socket_in_a_notebooks_place_is_refused()
    {
        string folder = Sample("erin");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        Replace(folder, Target, path => socket.Bind(new UnixDomainSocketEndPoint(path)));

        var prepared = await Prepare(folder);

        AssertOnlyTargetRefused(prepared, "it is a socket, not a notebook file");
    }

    [Fact]
    public async Task A_folder_named_like_a_notebook_is_refused()
    {
        string folder = Sample("frank");
        Replace(folder, Target, path => File.WriteAllText(Path.Combine(Directory.CreateDirectory(path).FullName, "inside.ipynb"), Secret));

        var prepared = await Prepare(folder);

        AssertOnlyTargetRefused(prepared, "it is a folder, not a notebook file");
        AssertNoSecret(prepared);
    }

    [Fact]
    public async Task A_device_is_refused_without_being_read()
    {
        // The device itself, as a one-notebook submission of a module whose notebook is called "zero".
        var files = await Task.Run(() => SubmissionFiles.Read("/dev/zero", ["zero"])).WaitAsync(Prompt);

        Assert.Equal(SubmittedFile.Refused("zero", "it is a character device, not a notebook file"), files.Notebooks.Single());
    }

    [Fact]
    public async Task A_notebook_over_the_size_limit_is_refused_by_its_size_before_a_byte_is_read()
    {
        string folder = Sample("grace");
        // Sparse: 300 MB long, nothing written; read, it would be zeros.
        Replace(folder, Target, path =>
        {
            using var file = new FileStream(path, FileMode.CreateNew);
            file.SetLength(300L << 20);
        });

        long before = GC.GetAllocatedBytesForCurrentThread();
        var files = SubmissionFiles.Read(folder, ModuleFixtures.Module.Names);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var prepared = await Prepare(folder);

        Assert.InRange(allocated, 0, 4 << 20);
        Assert.Equal(SubmittedFileStatus.Refused, files.Notebooks.Single(f => f.Name == Target).Status);
        AssertOnlyTargetRefused(prepared, "it is 314,572,800 bytes, more than the 20,971,520 bytes (20 MB) a notebook may have: clear its outputs and submit it again");
    }

    [Fact]
    public async Task A_notebook_just_at_the_size_limit_is_read()
    {
        string folder = Sample("heidi");
        string path = Path.Combine(folder, Target);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["metadata"]!["padding"] = "";
        int padding = SubmissionFiles.MaxNotebookBytes - Encoding.UTF8.GetByteCount(json.ToJsonString());
        json["metadata"]!["padding"] = new string('p', padding);
        File.WriteAllText(path, json.ToJsonString());
        Assert.Equal(SubmissionFiles.MaxNotebookBytes, new FileInfo(path).Length);

        var prepared = await Prepare(folder);

        Assert.All(prepared.Notebooks, n => Assert.Equal(PreparedNotebook.Ready, n.Status));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "lone surrogate", "the JSON has a string at byte " },
        { "grade_id number", "metadata.nbgrader.grade_id must be a string, not a number" },
        { "null cells", "not a Jupyter notebook: no 'cells' list" },
        { "null cell", "cell 1: a cell must be a JSON object" },
        { "null source", "cell 1: 'source' must be a string or a list of strings" },
        { "null metadata", "cell 1: 'metadata' must be a JSON object" },
        { "deep", "the JSON nests deeper than 32 levels, more than a notebook may" },
        { "100,000 cells", "100,000 cells are more than the 10,000 a notebook may have" },
        { "many tokens", "the JSON has more than 250,000 tokens (values, keys, brackets), more than a notebook may have (clear its outputs)" },
        { "invalid UTF-8", "not valid UTF-8: byte 0xFF at offset " },
        { "duplicate keys", "not valid JSON (Duplicate property 'nbformat' encountered" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_notebook_is_unreadable_with_what_is_wrong_and_the_rest_is_prepared(string attack, string reason)
    {
        string folder = Sample("ivan");
        string path = Path.Combine(folder, Target);
        File.WriteAllBytes(path, Corrupt(attack, File.ReadAllText(path)));

        var prepared = await Prepare(folder);

        var notebook = prepared.Notebooks.Single(n => n.Name == Target);
        Assert.Equal(NotebookStatus.Unreadable, notebook.Status);
        Assert.StartsWith($"{Target} is not a readable notebook: ", notebook.Problems.Single(), StringComparison.Ordinal);
        Assert.Contains(reason, notebook.Problems.Single(), StringComparison.Ordinal);
        Assert.All(prepared.Notebooks.Where(n => n.Name != Target), n => Assert.Equal(PreparedNotebook.Ready, n.Status));
    }

    [Fact]
    public async Task A_byte_order_mark_is_no_attack_the_notebook_is_ready()
    {
        string folder = Sample("judy");
        string path = Path.Combine(folder, Target);
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(path)]);

        var prepared = await Prepare(folder);

        Assert.All(prepared.Notebooks, n => Assert.Equal(PreparedNotebook.Ready, n.Status));
    }

    /// <summary>The class rather than the examples: a real submission broken at random still prepares, every time.</summary>
    [Fact]
    public void A_submission_broken_at_random_always_prepares()
    {
        string folder = Sample("mallory");
        var good = ModuleFixtures.Module.Names.Select(n => new SubmittedFile(n, SubmittedFileStatus.Read, File.ReadAllBytes(Path.Combine(folder, n)), null)).ToArray();
        string[] replacements = ["null", "5", "\"x\"", "[]", "{}", "true", "[null]", "{\"grade_id\": 5}", "\"\\ud800\""];
        var original = JsonNode.Parse(good[2].Content)!;
        var random = new Random(11);
        var statuses = new HashSet<NotebookStatus>();
        for (int i = 0; i < 150; i++)
        {
            var copy = original.DeepClone();
            var nodes = Values(copy).ToList();
            var node = nodes[random.Next(nodes.Count)];
            string marker = $"@@{i}@@";
            node.ReplaceWith(marker);
            string json = copy.ToJsonString().Replace($"\"{marker}\"", replacements[random.Next(replacements.Length)], StringComparison.Ordinal);
            SubmittedFile[] files = [.. good];
            files[2] = files[2] with { Content = Encoding.UTF8.GetBytes(json) };

            var prepared = SubmissionPreparation.Prepare(ModuleFixtures.Module, new SubmissionFiles(folder, files));

            statuses.Add(prepared.Notebooks[2].Status);
            Assert.All(prepared.Notebooks.Where(n => n.Name != Target), n => Assert.Equal(PreparedNotebook.Ready, n.Status));
        }

        Assert.Contains(PreparedNotebook.Ready, statuses);
        Assert.Contains(NotebookStatus.Unreadable, statuses);
    }

    [Fact]
    public async Task The_fingerprint_reads_only_the_module_notebooks_the_same_safe_way()
    {
        string folder = Sample("oscar");
        string secret = SecretNotebook();
        Replace(folder, Target, path => File.CreateSymbolicLink(path, secret));
        Assert.Equal(0, MakeFifo(Path.Combine(folder, "a-pipe.txt"), Convert.ToInt32("644", 8)));
        File.CreateSymbolicLink(Path.Combine(folder, "zero.ipynb"), "/dev/zero");
        Directory.CreateSymbolicLink(Path.Combine(folder, "etc"), "/etc");

        string first = await Task.Run(() => SubmissionHash.Of(ModuleFixtures.Module, folder)).WaitAsync(Prompt);
        File.AppendAllText(secret, "changed");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a notebook");
        string second = await Task.Run(() => SubmissionHash.Of(ModuleFixtures.Module, folder)).WaitAsync(Prompt);
        File.AppendAllText(Path.Combine(folder, ModuleFixtures.Module.Names[0]), " ");
        string third = await Task.Run(() => SubmissionHash.Of(ModuleFixtures.Module, folder)).WaitAsync(Prompt);

        Assert.Equal(first, second);
        Assert.NotEqual(second, third);
        Assert.Equal(SubmissionHash.Of(ModuleFixtures.Module, Sample("peggy")), SubmissionHash.Of(ModuleFixtures.Module, Sample("trent")));
    }

    [Fact]
    public async Task The_fingerprint_of_a_submission_folder_that_is_a_link_does_not_depend_on_its_target()
    {
        string sources = Sample("victor");
        string link = Path.Combine(_root, "walter");
        Directory.CreateSymbolicLink(link, sources);

        string before = await Task.Run(() => SubmissionHash.Of(ModuleFixtures.Module, link)).WaitAsync(Prompt);
        File.AppendAllText(Path.Combine(sources, Target), " ");

        Assert.Equal(before, SubmissionHash.Of(ModuleFixtures.Module, link));
        Assert.NotEqual(before, SubmissionHash.Of(ModuleFixtures.Module, sources));
    }

    private static async Task<PreparedSubmission> Prepare(string submission) =>
        await Task.Run(() => SubmissionPreparation.Prepare(ModuleFixtures.Module, submission)).WaitAsync(Prompt);

    private static void AssertOnlyTargetRefused(PreparedSubmission prepared, string reason)
    {
        var notebook = prepared.Notebooks.Single(n => n.Name == Target);
        Assert.Equal(NotebookStatus.Unreadable, notebook.Status);
        Assert.Equal($"{Target} is not a readable notebook: {reason}", notebook.Problems.Single());
        Assert.Null(notebook.Notebook);
        Assert.All(prepared.Notebooks.Where(n => n.Name != Target), n => Assert.Equal(PreparedNotebook.Ready, n.Status));
    }

    private static void AssertNoSecret(PreparedSubmission prepared)
    {
        Assert.DoesNotContain(prepared.Notebooks.SelectMany(n => n.Problems), p => p.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(prepared.Notebooks.Where(n => n.Notebook is not null).SelectMany(n => n.Notebook!.Cells), c => c.Source.Contains(Secret, StringComparison.Ordinal));
    }

    private static byte[] Corrupt(string attack, string json)
    {
        var node = JsonNode.Parse(json)!;
        var cells = node["cells"]!.AsArray();
        switch (attack)
        {
            case "lone surrogate":
                return Encoding.UTF8.GetBytes(json.Insert(json.IndexOf('{', StringComparison.Ordinal) + 1, "\"student\": \"\\ud800\","));
            case "grade_id number":
                cells.First(c => c!["metadata"]?["nbgrader"]?["grade_id"] is not null)!["metadata"]!["nbgrader"]!["grade_id"] = 12;
                break;
            case "null cells":
                node["cells"] = null;
                break;
            case "null cell":
                cells[0] = null;
                break;
            case "null source":
                cells[0]!["source"] = null;
                break;
            case "null metadata":
                cells[0]!["metadata"] = null;
                break;
            case "deep":
                return Encoding.UTF8.GetBytes(json.Insert(json.IndexOf('{', StringComparison.Ordinal) + 1, "\"x\": " + new string('[', 100_000) + new string(']', 100_000) + ","));
            case "100,000 cells":
                node["cells"] = new JsonArray([.. Enumerable.Range(0, 100_000).Select(_ => (JsonNode?)new JsonObject())]);
                break;
            case "many tokens":
                return Encoding.UTF8.GetBytes(json.Insert(json.IndexOf('{', StringComparison.Ordinal) + 1, "\"x\": [" + string.Join(",", Enumerable.Repeat("0", 1_100_000)) + "],"));
            case "invalid UTF-8":
                byte[] bytes = Encoding.UTF8.GetBytes(json);
                bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;
                return bytes;
            case "duplicate keys":
                return Encoding.UTF8.GetBytes(json.Insert(json.IndexOf('{', StringComparison.Ordinal) + 1, "\"nbformat\": 4,"));
        }

        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static IEnumerable<JsonNode> Values(JsonNode node)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (JsonNode child in children.OfType<JsonNode>().ToArray())
        {
            yield return child;
            foreach (JsonNode descendant in Values(child))
            {
                yield return descendant;
            }
        }
    }

    // A copy of an instructor notebook with a marker in it: what a link must never let reach a problem line.
    private string SecretNotebook()
    {
        string path = Path.Combine(_root, $"secret-{Guid.NewGuid():N}.ipynb");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFolder.Root(), "notebooks", "source", Target)))!;
        json["cells"]!.AsArray().Insert(0, new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = Secret });
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private static void Replace(string folder, string name, Action<string> make)
    {
        string path = Path.Combine(folder, name);
        File.Delete(path);
        make(path);
    }

    private string Sample(string student) => ModuleFixtures.CopyCorrectSample(_root, student);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
    private static extern int MakeFifo([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int mode);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link", SetLastError = true)]
    [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
    private static extern int Link([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string existing, [System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string newPath);
}
