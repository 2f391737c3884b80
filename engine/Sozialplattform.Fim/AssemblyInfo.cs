namespace Sozialplattform.Fim;
