package htmlpage

import "testing"

func TestMainText(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"main", `<body><nav>Meny</nav><main><h1>Regler</h1><p>Vi tar  bort
			hot.</p></main><footer>Adress</footer></body>`, "Regler\nVi tar bort hot."},
		{"role main", `<body><header>Logga</header><div role="main"><p>Villkor</p></div></body>`, "Villkor"},
		{"article when no main", `<body><nav>Meny</nav><article><p>Villkor<br>för kommentarer</p></article><aside>Relaterat</aside></body>`, "Villkor\nför kommentarer"},
		{"an empty main is passed over", `<body><main><script>x()</script></main><article><p>Villkor</p></article></body>`, "Villkor"},
		{"body without its chrome", `<body><header>Logga</header><nav>Anmäl dig</nav><div><p>Inlägg <b>tas bort</b>.</p><p hidden>Dolt</p></div><aside>Puff</aside><footer>Tel 08</footer></body>`, "Inlägg tas bort."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse([]byte(tt.html), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.MainText(); got != tt.want {
				t.Errorf("MainText() = %q, want %q", got, tt.want)
			}
		})
	}
}
