namespace Sozialplattform.Documents.Tests;
