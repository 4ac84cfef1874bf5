using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace WlzMessaging.Testing;

/// <summary>
/// xunit's own framework with two changes for the tests on the assembly's PostgreSQL (<see cref="PostgresFixture"/>):
/// <list type="bullet">
/// <item>Every test method of a class marked <c>[Collection(PostgresCollection.Name)]</c> is a test collection of its own.
/// xunit runs collections in parallel and the tests of one collection one after another; these tests share nothing but
/// the server (each makes its own database in its <c>InitializeAsync</c>), so they can run side by side.</item>
/// <item>When the last class of the assembly has run, the shared server is stopped (xunit 2 has no assembly fixture).</item>
/// </list>
/// Registered by <c>[assembly: TestFramework("WlzMessaging.Testing.PostgresTestFramework", "ASSEMBLY")]</c> (the
/// AssemblyAttribute item in the test project).
/// </summary>
public sealed class PostgresTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForType(
            ITestClass testClass, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (testClass.TestCollection.CollectionDefinition?.Name != typeof(PostgresCollection).FullName)
            {
                return base.FindTestsForType(testClass, includeSourceInformation, messageBus, discoveryOptions);
            }

            // As the base class does, one method after another; each method with a collection of its own.
            foreach (var method in testClass.Class.GetMethods(includePrivateMethods: true))
            {
                var collection = new TestCollection(
                    testClass.TestCollection.TestAssembly,
                    testClass.TestCollection.CollectionDefinition,
                    $"{PostgresCollection.Name}: {testClass.Class.Name}.{method.Name}");
                var testMethod = new TestMethod(new TestClass(collection, testClass.Class), method);
                if (!FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions))
                {
                    return false;
                }
            }

            return true;
        }

        // Always the full form, which keeps each test's own collection. For a plain [Fact] xunit writes a short form
        // that rebuilds the collection from the class alone: every test of the class would be back in one collection
        // named "PostgreSQL", and two of those running at once collide in the runner.
        public override string Serialize(ITestCase testCase) => SerializationHelper.Serialize(testCase);
    }

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override ITestFrameworkDiscoverer CreateDiscoverer() =>
            new Discoverer(AssemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

        // async void as in the base class: the runner reports through the message sink, not through a task.
        protected override async void RunTestCases(
            IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(
        ITestAssembly testAssembly,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink,
        ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            // A failure here is reported as the assembly's cleanup failure, not lost.
            await Aggregator.RunAsync(PostgresFixture.StopSharedServerAsync);
            await base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
