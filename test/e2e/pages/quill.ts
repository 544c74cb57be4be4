import Quill from "quill";
import "quill/dist/quill.snow.css";

const quill = new Quill("#mount", { theme: "snow" });
(window as unknown as { quill: Quill }).quill = quill;
