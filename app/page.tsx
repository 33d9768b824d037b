export default function HomePage() {
  return <main><h1>Copydesk</h1></main>;
}
