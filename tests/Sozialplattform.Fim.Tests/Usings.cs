namespace Sozialplattform.Fim.Tests;
