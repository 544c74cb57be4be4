import { Editor } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";

const editor = new Editor({
  element: document.getElementById("mount") as HTMLElement,
  extensions: [StarterKit],
  content: "<p></p>",
});
(window as unknown as { editor: Editor }).editor = editor;
